// The customers feature in the real extension host against the simulator: Look Up by name, domain and id
// (scripted and through the real quick-pick flow), Add to Workspace keeping name and result, Add Tenant
// fetching at once, Import Customers, domain entries and company names resolved by Refresh All.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { DEMO_TENANTS, World, getWorld, setCustomers, signInApp, waitFor } from './helpers';
import { FakeQuickPick } from './fakeQuickPick';
import type { LookUpItem, LookUpOutcome } from '../../src/vscode/customers/lookUp';
import type { ResultItem } from '../../src/vscode/customers/resultPick';
import type { ImportReport } from '../../src/vscode/customers/importCustomers';
import type { QualificationsResult } from '../../src/core/model/qualification';
import type { Node } from '../../src/vscode/view/tree';

const configured = () => vscode.workspace.getConfiguration('partnerCenter').inspect<unknown[]>('customers')?.workspaceValue ?? [];
const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');
const customerCalls = (w: World) => w.sim.api.stats.directory.filter((d) => d.route === 'customer').length;
const searches = (w: World) => w.sim.api.stats.directory.filter((d) => d.route === 'list').length;

function rows(w: World): { node: Node; label: string; item: vscode.TreeItem }[] {
  return w.api.tree.getChildren().map((node) => { const item = w.api.tree.getTreeItem(node); return { node, label: label(item), item }; });
}

describe('Customers: look up by name, domain or id', () => {
  let w: World;
  before(async () => {
    w = await getWorld();
    await signInApp(w);
    await setCustomers([DEMO_TENANTS.approved]);
  });

  it('finds a customer by company name prefix and shows its qualifications without adding it', async () => {
    const o = await vscode.commands.executeCommand<LookUpOutcome>('partnerCenter.lookUp', { query: 'fabrik' });
    assert.deepStrictEqual(o.candidates.map((c) => c.name), ['Fabrikam School District']);
    assert.strictEqual(o.candidate?.tenantId, DEMO_TENANTS.inReview);
    assert.strictEqual(o.result?.qualifications[0]?.status, 'InReview');
    assert.deepStrictEqual(configured(), [DEMO_TENANTS.approved]);
  });

  it('finds a customer by domain prefix', async () => {
    const o = await vscode.commands.executeCommand<LookUpOutcome>('partnerCenter.lookUp', { query: 'northwind.c' });
    assert.strictEqual(o.candidate?.name, 'Northwind Traders');
    assert.strictEqual(o.candidate?.domain, 'northwind.com');
    assert.strictEqual(o.result?.qualifications[0]?.reason, 'Not an Academic Domain');
  });

  it('looks up a full tenant id without a search; a string argument still returns the result', async () => {
    const before = searches(w);
    const r = await vscode.commands.executeCommand<QualificationsResult>('partnerCenter.lookUp', DEMO_TENANTS.stateOwnedGcc.toUpperCase());
    assert.deepStrictEqual(r.qualifications.map((q) => q.name), ['StateOwnedEntity', 'GovernmentCommunityCloud']);
    assert.strictEqual(searches(w), before, 'no search for a tenant id');
  });

  it('through the quick pick: configured tenants at once, search results after the debounce (busy), the answer stays with Add to Workspace', async () => {
    const first = new FakeQuickPick<LookUpItem>();
    const second = new FakeQuickPick<ResultItem>();
    const done = vscode.commands.executeCommand<LookUpOutcome>('partnerCenter.lookUp', { createQuickPick: () => first.asQuickPick(), createResultPick: () => second.asQuickPick() });
    await waitFor('the configured tenant at once', () => first.items.some((i) => i.candidate?.tenantId === DEMO_TENANTS.approved && i.candidate.configured));
    // a listed tenant says so in words, with no icon that could read as a status it has not been looked up for
    const mine = first.items.find((i) => i.candidate?.tenantId === DEMO_TENANTS.approved)!;
    assert.doesNotMatch(mine.label, /\$\(/);
    // said once, by the heading above the workspace's tenants (issue 19), not again on each row
    assert.ok(first.items.some((i) => i.kind === vscode.QuickPickItemKind.Separator && i.label === 'In this workspace'));
    assert.doesNotMatch(String(mine.description ?? ''), /in this workspace/);
    first.type('wood');
    // configured tenants do not match "wood": no row until Partner Center answers
    await waitFor('search results', () => first.items.some((i) => i.candidate?.name === 'Woodgrove Academy'));
    assert.deepStrictEqual(first.busyHistory.slice(-2), [true, false], 'busy while searching');
    const item = first.items.find((i) => i.candidate?.name === 'Woodgrove Academy')!;
    assert.strictEqual(item.description, 'woodgrove.edu');
    assert.strictEqual(item.detail, DEMO_TENANTS.wrappedPascal);
    first.pick((i) => i.candidate?.name === 'Woodgrove Academy');
    await waitFor('the answer', () => second.shown && second.items.length > 0);
    assert.strictEqual(second.title, 'Woodgrove Academy · woodgrove.edu');
    assert.ok(second.ignoreFocusOut, 'stays until dismissed');
    assert.match(second.items[0]!.label, /Education/);
    assert.match(String(second.items[0]!.description), /^Approved · /);
    second.pick((i) => i.action === 'copy');
    await waitFor('copied', () => /copied/.test(second.title ?? ''));
    assert.match(await vscode.env.clipboard.readText(), /^Woodgrove Academy \(0{8}-0000-4000-8000-000000000008\): Education · Approved/);
    // what Add to Workspace does, in words (not the setting's JSON)
    assert.strictEqual(second.items.find((i) => i.action === 'add')?.description, 'list Woodgrove Academy in this workspace\'s settings');
    second.pick((i) => i.action === 'add');
    await waitFor('added', () => second.items.some((i) => /Added to the workspace/.test(i.label)));
    second.hide();
    const o = await done;
    assert.deepStrictEqual(o.actions, ['copy', 'add']);
    assert.deepStrictEqual(configured(), [DEMO_TENANTS.approved, { tenantId: DEMO_TENANTS.wrappedPascal, name: 'Woodgrove Academy' }]);
    const row = await waitFor('the new row', () => rows(w).find((r) => r.label === 'Woodgrove Academy'));
    assert.doesNotMatch(String(row.item.description), /never checked/, 'the result just fetched is kept');
    assert.strictEqual(w.api.store.book.get(DEMO_TENANTS.wrappedPascal)?.lastGood?.qualifications[0]?.status, 'Approved');
  });

  it('not signed in: the quick pick says so and offers Sign In', async () => {
    await vscode.commands.executeCommand('partnerCenter.signOut');
    try {
      const first = new FakeQuickPick<LookUpItem>();
      const done = vscode.commands.executeCommand<LookUpOutcome>('partnerCenter.lookUp', { createQuickPick: () => first.asQuickPick() });
      const signIn = await waitFor('the Sign In row', () => first.items.find((i) => i.signIn));
      assert.match(String(signIn.description), /Not signed in/);
      first.hide();
      assert.strictEqual((await done).candidate, undefined);
    } finally {
      await signInApp(w);
    }
  });

  it('Add Tenant while signed in fetches the new tenant at once', async () => {
    const id = await vscode.commands.executeCommand<string>('partnerCenter.addTenant', { tenantId: DEMO_TENANTS.denied, name: 'Northwind' });
    assert.strictEqual(id, DEMO_TENANTS.denied);
    assert.strictEqual(w.api.store.book.get(DEMO_TENANTS.denied)?.lastGood?.qualifications[0]?.status, 'Denied');
  });
});

describe('Customers: import', () => {
  let w: World;
  before(async () => {
    w = await getWorld();
    await signInApp(w);
  });

  it('imports a selection as { tenantId, name } in one edit of the workspace settings', async () => {
    await setCustomers([DEMO_TENANTS.approved]);
    let edits = 0;
    const sub = vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('partnerCenter.customers')) edits++; });
    try {
      const r = await vscode.commands.executeCommand<ImportReport>('partnerCenter.importCustomers', { select: [DEMO_TENANTS.denied, DEMO_TENANTS.nonprofit, DEMO_TENANTS.approved] });
      assert.deepStrictEqual({ read: r.read, written: r.written, cancelled: r.cancelled }, { read: 13, written: 2, cancelled: false });
      assert.strictEqual(r.message, 'Added 2 customers to the workspace.', 'an import says what it added');
      assert.deepStrictEqual(configured(), [
        DEMO_TENANTS.approved,
        { tenantId: DEMO_TENANTS.denied, name: 'Northwind Traders' },
        { tenantId: DEMO_TENANTS.nonprofit, name: 'Humongous Insurance Foundation' },
      ]);
      assert.strictEqual(edits, 1);
      // the view's counts follow the imported rows
      const w = await getWorld();
      const counted = () => (w.api.view.description ?? '').split(', ').reduce((n, part) => n + (Number.parseInt(part, 10) || 0), 0);
      await waitFor('the counts to cover the 3 tenants', () => counted() === 3).catch(() => assert.fail(`view counts "${w.api.view.description}" for ${w.api.tree.tenantIds.length} tenants`));
    } finally {
      sub.dispose();
    }
  });

  it('imports all, skipping the ones already configured', async () => {
    await setCustomers([DEMO_TENANTS.approved]);
    const r = await vscode.commands.executeCommand<ImportReport>('partnerCenter.importCustomers', { select: 'all' });
    assert.strictEqual(r.written, 12);
    const entries = configured() as ({ tenantId: string; name: string } | string)[];
    assert.strictEqual(entries.length, 13);
    assert.deepStrictEqual(entries[4], { tenantId: DEMO_TENANTS.none, name: 'Adventure Works' });
  });

  it('cancelling mid-list writes nothing', async () => {
    const { directoryCustomers } = await import('../../src/core/simulator/customers');
    const extra = directoryCustomers(1200, 900_000);
    for (const c of extra) w.sim.api.upsert(c);
    try {
      await setCustomers([DEMO_TENANTS.approved]);
      w.sim.setLatency(30);
      const r = await vscode.commands.executeCommand<ImportReport>('partnerCenter.importCustomers', { select: 'all', cancelAfter: 500 });
      assert.strictEqual(r.cancelled, true);
      assert.strictEqual(r.written, 0);
      assert.ok(r.read >= 500 && r.read < 1213, `read ${r.read}`);
      assert.strictEqual(r.total, 1213);
      assert.deepStrictEqual(configured(), [DEMO_TENANTS.approved]);
    } finally {
      w.sim.setLatency(0);
      for (const c of extra) w.sim.api.customers.delete(c.tenantId);
    }
  });
});

describe('Customers: domains and names in the tree', () => {
  let w: World;
  before(async () => {
    w = await getWorld();
    await signInApp(w);
  });

  it('shows a domain entry as the domain until Refresh All resolves it (one, none, several), counting entries from 1', async () => {
    w.sim.api.upsert({ tenantId: 'dddddddd-0000-4000-8000-000000000001', name: 'Twin One', domain: 'twins.example', qualifications: [] });
    w.sim.api.upsert({ tenantId: 'dddddddd-0000-4000-8000-000000000002', name: 'Twin Two', domain: 'twins.example', qualifications: [] });
    // a customer no earlier test has looked up: a domain the workspace already knows resolves at once (issue 19)
    w.sim.api.upsert({ tenantId: 'dddddddd-0000-4000-8000-000000000003', name: 'Coho Winery', domain: 'cohowinery.example', qualifications: [] });
    try {
      await setCustomers(['cohowinery.example', { domain: 'nobody.example' }, { domain: 'twins.example', name: 'Twins' }]);
      await waitFor('domain rows', () => rows(w).length === 3);
      assert.deepStrictEqual(rows(w).map((r) => [r.label, r.item.description]), [
        ['cohowinery.example', 'domain, resolved on refresh'],
        ['nobody.example', 'domain, resolved on refresh'],
        ['Twins', 'twins.example · resolved on refresh'],
      ]);
      const report = await vscode.commands.executeCommand<{ succeeded: number; correlationId: string }>('partnerCenter.refreshAll');
      assert.strictEqual(report.succeeded, 1);
      const after = await waitFor('resolved rows', () => { const r = rows(w); return r.some((x) => x.label === 'Coho Winery') && r; });
      assert.deepStrictEqual(after.map((r) => r.label), [
        'entry 2: no Partner Center customer has the domain nobody.example',
        'entry 3: 2 customers have the domain twins.example; list the tenant id instead',
        'Coho Winery',
      ]);
      const coho = after[2]!;
      const tip = (w.api.tree.resolveTreeItem(coho.item, coho.node).tooltip as vscode.MarkdownString).value;
      assert.match(tip, /Name from Partner Center \(entry for the domain cohowinery\\\.example\)/);
      assert.match(tip, /Relationship: reseller/);
      assert.match(tip, /Default domain: cohowinery\\?\.example/);
    } finally {
      w.sim.api.customers.delete('dddddddd-0000-4000-8000-000000000001');
      w.sim.api.customers.delete('dddddddd-0000-4000-8000-000000000002');
      w.sim.api.customers.delete('dddddddd-0000-4000-8000-000000000003');
    }
  });

  it('fetches a tenant listed by id and by domain once', async () => {
    await setCustomers([DEMO_TENANTS.stateOwnedGcc, 'tailspin.gov']);
    const report = await vscode.commands.executeCommand<{ succeeded: number; correlationId: string }>('partnerCenter.refreshAll');
    const calls = w.sim.api.stats.log.filter((l) => l.correlationId === report.correlationId);
    assert.deepStrictEqual(calls.map((c) => c.tenantId), [DEMO_TENANTS.stateOwnedGcc]);
    // the second entry is flagged as a duplicate, as a repeated id is
    await waitFor('the duplicate flagged', () => rows(w).length === 2);
    assert.deepStrictEqual(rows(w).map((r) => r.label), ['entry 2: tailspin.gov is City of Tailspin, listed already', 'City of Tailspin']);
  });

  it('names a bare tenant id from Partner Center once; a configured name wins; the tooltip says where the name came from', async () => {
    const lamna = 'eeeeeeee-0000-4000-8000-000000000001'; // a customer no other test has read
    w.sim.api.upsert({ tenantId: lamna, name: 'Lamna Healthcare', domain: 'lamna.example', qualifications: [] });
    await setCustomers([lamna, { tenantId: DEMO_TENANTS.flaky, name: 'My Tailwind' }]);
    await waitFor('rows', () => rows(w).length === 2);
    assert.ok(rows(w).some((r) => r.label === lamna), 'the id until Partner Center names it');
    const before = customerCalls(w);
    await vscode.commands.executeCommand('partnerCenter.refreshAll');
    const named = await waitFor('named row', () => rows(w).find((r) => r.label === 'Lamna Healthcare'));
    assert.strictEqual(customerCalls(w) - before, 1, 'one GET /v1/customers/{id}, only for the unnamed tenant');
    const tip = (w.api.tree.resolveTreeItem(named.item, named.node).tooltip as vscode.MarkdownString).value;
    assert.match(tip, /Name from Partner Center/);
    assert.ok(rows(w).some((r) => r.label === 'My Tailwind'));
    await vscode.commands.executeCommand('partnerCenter.refreshAll');
    assert.strictEqual(customerCalls(w) - before, 1, 'remembered: not asked again');
  });
});

describe('Customers: what Look Up and Import learn about a customer reaches the report', () => {
  let w: World;
  // customers no other test reads, so nothing is known about them before
  const litware = 'eeeeeeee-0000-4000-8000-000000000011';
  const tailwind = 'eeeeeeee-0000-4000-8000-000000000012';
  before(async () => {
    w = await getWorld();
    await signInApp(w);
    w.sim.api.upsert({ tenantId: litware, name: 'Litware Learning', domain: 'litware-learning.example', qualifications: [] });
    w.sim.api.upsert({ tenantId: tailwind, name: 'Tailwind Academy', domain: 'tailwind-academy.example', qualifications: [] });
  });
  after(() => {
    w.sim.api.customers.delete(litware);
    w.sim.api.customers.delete(tailwind);
  });

  const exported = async (tenantId: string) => {
    const r = await vscode.commands.executeCommand<{ text: string }>('partnerCenter.exportReport', { format: 'json', scope: 'all', destination: 'untitled' });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    return (JSON.parse(r.text) as { tenantId: string; name: string | null; domain: string | null }[]).find((row) => row.tenantId === tenantId);
  };

  it('look up by name, add: the export and Copy as Markdown carry the customer\'s domain, without asking Partner Center again', async () => {
    await setCustomers([DEMO_TENANTS.approved]);
    const first = new FakeQuickPick<LookUpItem>();
    const second = new FakeQuickPick<ResultItem>();
    const done = vscode.commands.executeCommand<LookUpOutcome>('partnerCenter.lookUp', { createQuickPick: () => first.asQuickPick(), createResultPick: () => second.asQuickPick() });
    first.type('Litware');
    await waitFor('the search result', () => first.items.some((i) => i.candidate?.tenantId === litware));
    first.pick((i) => i.candidate?.tenantId === litware);
    await waitFor('the answer', () => second.shown && second.items.length > 0);
    second.pick((i) => i.action === 'add');
    await waitFor('added', () => second.items.some((i) => /Added to the workspace/.test(i.label)));
    second.hide();
    await done;
    assert.deepStrictEqual(configured(), [DEMO_TENANTS.approved, { tenantId: litware, name: 'Litware Learning' }]);
    const calls = w.sim.api.stats.directory.length;
    await waitFor('the new row', () => w.api.tree.tenantIds.includes(litware));
    const row = await exported(litware);
    assert.deepStrictEqual([row?.name, row?.domain], ['Litware Learning', 'litware-learning.example']);
    const node = w.api.tree.getChildren().find((n) => n.kind === 'tenant' && n.tenant.tenantId === litware);
    const markdown = await vscode.commands.executeCommand<string>('partnerCenter.copyAsMarkdown', node);
    assert.match(markdown, /^\*\*Litware Learning\*\* \(litware-learning\.example, `eeeeeeee-0000-4000-8000-000000000011`\)/);
    assert.strictEqual(w.sim.api.stats.directory.length, calls, 'no request just for the domain');
  });

  it('the chat tool finds the looked-up tenant by its domain', async function () {
    if (typeof (vscode as { lm?: { invokeTool?: unknown } }).lm?.invokeTool !== 'function') {
      console.log(`    (VS Code ${vscode.version} has no vscode.lm.invokeTool: skipped)`);
      return this.skip();
    }
    const r = await vscode.lm.invokeTool('partnerCenter_getQualifications', { input: { tenant: 'litware-learning.example' }, toolInvocationToken: undefined });
    const text = r.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');
    assert.match(text, new RegExp(`^"Litware Learning" \\(${litware}\\): no qualification`));
  });

  it('import: the export carries the domain of an imported customer', async () => {
    await setCustomers([DEMO_TENANTS.approved]);
    const r = await vscode.commands.executeCommand<ImportReport>('partnerCenter.importCustomers', { select: [tailwind] });
    assert.strictEqual(r.written, 1);
    await waitFor('the imported row', () => w.api.tree.tenantIds.includes(tailwind));
    const row = await exported(tailwind);
    assert.deepStrictEqual([row?.name, row?.domain], ['Tailwind Academy', 'tailwind-academy.example']);
  });
});

describe('Customers: Add Tenant takes a domain; Import says when nothing is new', () => {
  let w: World;
  const proseware = 'eeeeeeee-0000-4000-8000-000000000013'; // a customer no other test reads
  before(async () => {
    w = await getWorld();
    await signInApp(w);
    w.sim.api.upsert({ tenantId: proseware, name: 'Proseware Online School', domain: 'proseware-online.example', qualifications: [{ qualification: 'Education', vettingStatus: 'InReview', vettingCreateDate: '2026-11-01T10:00:00Z' }] });
  });
  after(() => { w.sim.api.customers.delete(proseware); });

  it('Add Tenant with a domain writes the domain entry, resolves it at once and fetches its tenant', async () => {
    await setCustomers([DEMO_TENANTS.approved]);
    const domainSearches = () => w.sim.api.stats.directory.filter((d) => d.route === 'list').length;
    const before = domainSearches();
    const added = await vscode.commands.executeCommand<string>('partnerCenter.addTenant', { tenantId: ' Proseware-Online.example. ', name: 'Proseware' });
    assert.strictEqual(added, 'proseware-online.example', 'the domain as the setting parser reads it: trimmed, lower case, no final dot');
    assert.deepStrictEqual(configured(), [DEMO_TENANTS.approved, { domain: 'proseware-online.example', name: 'Proseware' }]);
    assert.strictEqual(domainSearches() - before, 1, 'one Domain search');
    assert.strictEqual(w.api.store.book.get(proseware)?.lastGood?.qualifications[0]?.status, 'InReview');
    const row = await waitFor('the resolved row', () => rows(w).find((r) => r.label === 'Proseware'));
    assert.strictEqual(row.node.kind === 'tenant' && row.node.tenant.tenantId, proseware);
  });

  it('Add Tenant refuses what is neither a tenant id nor a domain, and says why', async () => {
    await setCustomers([DEMO_TENANTS.approved, 'proseware-online.example']);
    const { addTenantProblem } = await import('../../src/vscode/customers/customersSetting');
    assert.strictEqual(await vscode.commands.executeCommand('partnerCenter.addTenant', { tenantId: 'not a domain' }), undefined);
    assert.strictEqual(await vscode.commands.executeCommand('partnerCenter.addTenant', { tenantId: '0b8a6f2e-1c3d-4e5f-8a9b' }), undefined);
    assert.deepStrictEqual(configured(), [DEMO_TENANTS.approved, 'proseware-online.example'], 'nothing written');
    // the input box's own check (validateInput): the same reasons the settings parser gives, per input
    const tree = w.api.tree;
    await waitFor('the domain entry', () => tree.domainEntries.length === 1);
    assert.strictEqual(addTenantProblem(tree, 'not a domain'), '"not a domain" is not a tenant id (a GUID, e.g. 0b8a6f2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b) or a domain (e.g. contoso.onmicrosoft.com).');
    assert.strictEqual(addTenantProblem(tree, ''), 'Enter a tenant id (a GUID) or a domain, e.g. contoso.onmicrosoft.com.');
    assert.strictEqual(addTenantProblem(tree, 'PROSEWARE-online.example'), 'The domain proseware-online.example is already in the list.');
    assert.strictEqual(addTenantProblem(tree, DEMO_TENANTS.approved.toUpperCase()), 'This tenant is already in the list.');
    assert.strictEqual(addTenantProblem(tree, 'contoso.onmicrosoft.com'), undefined);
    assert.strictEqual(addTenantProblem(tree, DEMO_TENANTS.denied), undefined);
    // listed by id, its domain known from the directory (the test before resolved it): refused by name
    await setCustomers([DEMO_TENANTS.approved, { tenantId: proseware, name: 'Proseware' }]);
    await waitFor('no domain entry', () => tree.domainEntries.length === 0);
    assert.strictEqual(addTenantProblem(tree, 'proseware-online.example'), 'proseware-online.example is the domain of Proseware, already in the list.');
  });

  it('Import Customers with nothing new says so instead of closing silently', async () => {
    const all = await vscode.commands.executeCommand<ImportReport>('partnerCenter.importCustomers', { select: 'all' });
    assert.ok(all.written > 0);
    const again = await vscode.commands.executeCommand<ImportReport>('partnerCenter.importCustomers', { select: 'all' });
    assert.deepStrictEqual({ written: again.written, cancelled: again.cancelled, message: again.message }, { written: 0, cancelled: false, message: `All ${again.read} customers are already in this workspace.` });
    await setCustomers([DEMO_TENANTS.approved, { tenantId: DEMO_TENANTS.denied, name: 'Northwind' }]);
    const chosen = await vscode.commands.executeCommand<ImportReport>('partnerCenter.importCustomers', { select: [DEMO_TENANTS.denied] });
    assert.strictEqual(chosen.message, 'Northwind Traders is already in this workspace.');
    const two = await vscode.commands.executeCommand<ImportReport>('partnerCenter.importCustomers', { select: [DEMO_TENANTS.denied, DEMO_TENANTS.approved] });
    assert.strictEqual(two.message, 'The 2 customers chosen are already in this workspace.');
  });
});
