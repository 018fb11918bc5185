// What a new user hit on a second try (issue 19): a request confirmed for a bare tenant id, an Undo that
// restored another customer, domain warning rows opening the wrong place, Add Tenant writing a domain nobody
// has, and small points (relative times, a known domain waiting for a refresh, the history's baseline).
// Messages, picks and prompts are read by standing in for vscode.window's functions, which the extension
// shares with its tests (one API object per extension).
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { customerId } from '../../src/core/simulator/customers';
import type { RequestOutcome } from '../../src/vscode/requests/requestQualification';
import { DEMO_TENANTS, USER_CLIENT_ID, World, getWorld, setCustomers, signInApp, waitFor } from './helpers';
import { Node, TenantNode } from '../../src/vscode/view/tree';

type Fn = 'showInformationMessage' | 'showWarningMessage' | 'showErrorMessage' | 'showQuickPick' | 'showInputBox';
interface Call { readonly fn: Fn; readonly args: unknown[] }

/** Records every message, pick and input box; `answer` gives the user's answer (undefined: dismissed). */
function standIn(answer: (fn: Fn, args: unknown[]) => unknown = () => undefined): { calls: Call[]; texts: (fn?: Fn) => string[]; restore: () => void } {
  const window = vscode.window as unknown as Record<Fn, unknown>;
  const saved = Object.fromEntries((['showInformationMessage', 'showWarningMessage', 'showErrorMessage', 'showQuickPick', 'showInputBox'] as Fn[]).map((fn) => [fn, window[fn]]));
  const calls: Call[] = [];
  for (const fn of Object.keys(saved) as Fn[]) {
    window[fn] = async (...args: unknown[]) => {
      if (fn === 'showQuickPick') args[0] = await args[0];
      calls.push({ fn, args });
      return answer(fn, args);
    };
  }
  return {
    calls,
    texts: (fn) => calls.filter((c) => (fn ? c.fn === fn : /Message$/.test(c.fn))).map((c) => String(c.args[0])),
    restore: () => Object.assign(window, saved),
  };
}

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');
const configured = () => vscode.workspace.getConfiguration('partnerCenter').inspect<unknown[]>('customers')?.workspaceValue ?? [];
const rowOf = (w: World, id: string) => w.api.tree.getChildren().find((n): n is TenantNode => n.kind === 'tenant' && n.tenant.tenantId === id);
const listed = (w: World, id: string) => !!rowOf(w, id);

describe('A new user, second try (issue 19)', () => {
  let w: World;
  let stand: ReturnType<typeof standIn> | undefined;
  before(async () => { w = await getWorld(); await signInApp(w); });
  afterEach(() => { stand?.restore(); stand = undefined; });

  describe('a tenant listed by domain is named as its row names it', () => {
    const LITWARE = customerId(719);
    before(() => w.sim.api.upsert({ tenantId: LITWARE, name: 'Litware Learning', domain: 'litware-learning.com', qualifications: [] }));
    after(async () => { w.sim.api.customers.delete(LITWARE); await signInApp(w); });

    it('in the tenant pick, the kind pick (short prompt), the website prompt, the confirmation (name, domain, id) and every message after', async () => {
      await setCustomers(['litware-learning.com']);
      await w.api.refresher.refreshAll();
      await waitFor('the row named from Partner Center', () => rowOf(w, LITWARE) && label(w.api.tree.getTreeItem(rowOf(w, LITWARE)!)) === 'Litware Learning');
      assert.ok(await vscode.commands.executeCommand<boolean>('partnerCenter.signIn', { mode: 'user', flow: 'deviceCode', clientId: USER_CLIENT_ID, tenantId: w.sim.partnerTenantId }));
      const shownBefore = w.api.changes.announcer.shown.length;
      stand = standIn((fn, args) => {
        const items = args[0] as (vscode.QuickPickItem & { tenant?: { tenantId: string } })[];
        if (fn === 'showQuickPick') return items.find((i) => i.tenant?.tenantId === LITWARE || i.label === 'Education' || i.label === 'K12');
        if (fn === 'showInputBox') return 'litware-learning.edu';
        if (fn === 'showWarningMessage' && (args[1] as vscode.MessageOptions | undefined)?.modal) return 'Send Request';
        return undefined;
      });
      const outcome = await vscode.commands.executeCommand<RequestOutcome>('partnerCenter.requestQualification');
      assert.ok(outcome.ok, JSON.stringify(outcome));
      const [tenantPick, kindPick] = stand.calls.filter((c) => c.fn === 'showQuickPick');
      const tenantItem = (tenantPick!.args[0] as (vscode.QuickPickItem & { tenant?: { tenantId: string } })[]).find((i) => i.tenant?.tenantId === LITWARE)!;
      assert.strictEqual(tenantItem.label, 'Litware Learning');
      assert.strictEqual(tenantItem.description, `litware-learning.com · ${LITWARE}`);
      const kindOptions = kindPick!.args[1] as vscode.QuickPickOptions;
      assert.match(String(kindOptions.title), /Litware Learning/);
      assert.ok(String(kindOptions.placeHolder).length <= 30, `a short prompt: ${kindOptions.placeHolder}`);
      // every step names the customer, the segment pick too (the fresh-clone trial found it titled generically)
      const segmentPick = stand.calls.filter((c) => c.fn === 'showQuickPick')[2]!;
      assert.match(String((segmentPick.args[1] as vscode.QuickPickOptions).title), /^Request Education for Litware Learning$/);
      const box = stand.calls.find((c) => c.fn === 'showInputBox')!.args[0] as vscode.InputBoxOptions;
      assert.match(String(box.prompt), /of Litware Learning$/);
      const modal = stand.calls.find((c) => c.fn === 'showWarningMessage' && (c.args[1] as vscode.MessageOptions | undefined)?.modal)!;
      assert.match(String(modal.args[0]), new RegExp(`^Request Education, .* for Litware Learning \\(litware-learning\\.com, ${LITWARE}\\)\\?$`));
      await waitFor('the message after the request', () => stand!.texts('showInformationMessage').some((t) => t.startsWith('Litware Learning: Education requested')));
      // the change the request made is announced with the name too
      await waitFor('the change announced', () => w.api.changes.announcer.shown.slice(shownBefore).some((s) => /Education/.test(s.text)));
      for (const s of w.api.changes.announcer.shown.slice(shownBefore)) assert.doesNotMatch(s.text, new RegExp(LITWARE), s.text);
      assert.ok(w.api.changes.announcer.shown.slice(shownBefore).some((s) => s.text.includes('Litware Learning')));
      for (const t of stand.texts()) assert.ok(!t.includes(LITWARE) || t === modal.args[0], `named by id: ${t}`);
    });

    it('Remove Tenant removes a tenant listed by its domain, and Undo puts the domain entry back', async () => {
      await setCustomers(['litware-learning.com', DEMO_TENANTS.approved]);
      const row = await waitFor('the domain entry as its tenant', () => rowOf(w, LITWARE));
      stand = standIn();
      assert.strictEqual(await vscode.commands.executeCommand('partnerCenter.removeTenant', row), true, stand.texts().join(' | '));
      assert.deepStrictEqual(configured(), [DEMO_TENANTS.approved]);
      await waitFor('the row gone', () => !listed(w, LITWARE));
      assert.match(stand.texts('showInformationMessage')[0] ?? '', /^Removed Litware Learning from the list/);
      assert.strictEqual(await vscode.commands.executeCommand('partnerCenter.undoRemoveTenant'), true);
      assert.deepStrictEqual(configured(), ['litware-learning.com', DEMO_TENANTS.approved]);
      await waitFor('the row back', () => listed(w, LITWARE));
    });
  });

  describe('Remove Tenant and Undo', () => {
    const LITWARE = DEMO_TENANTS.noneEntry;
    const ADVENTURE = DEMO_TENANTS.none;
    const WOODGROVE = DEMO_TENANTS.wrappedPascal;
    const THREE = [{ tenantId: LITWARE, name: 'Litware' }, { tenantId: ADVENTURE, name: 'Adventure Works' }, { tenantId: WOODGROVE, name: 'Woodgrove Academy' }];

    it('each notification\'s Undo restores the tenant it names, or says why it cannot; the palette\'s restores the latest, then earlier ones', async () => {
      await setCustomers(THREE);
      await waitFor('rows', () => THREE.every((t) => listed(w, t.tenantId)));
      const undo = new Map<string, (pick: string | undefined) => void>();
      stand = standIn((fn, args) => (fn === 'showInformationMessage' && /^Removed /.test(String(args[0])) ? new Promise((resolve) => undo.set(String(args[0]).replace(/^Removed (.*?) from the list\..*$/, '$1'), resolve)) : undefined));
      for (const t of THREE) assert.strictEqual(await vscode.commands.executeCommand('partnerCenter.removeTenant', rowOf(w, t.tenantId)), true);
      await waitFor('all three removed', () => THREE.every((t) => !listed(w, t.tenantId)));
      assert.deepStrictEqual([...undo.keys()], ['Litware', 'Adventure Works', 'Woodgrove Academy']);
      undo.get('Litware')!('Undo');
      await waitFor('Litware back', () => listed(w, LITWARE));
      assert.ok(!listed(w, WOODGROVE), 'Litware\'s Undo restored Woodgrove');
      undo.get('Woodgrove Academy')!('Undo');
      await waitFor('Woodgrove back', () => listed(w, WOODGROVE));
      assert.strictEqual(await vscode.commands.executeCommand('partnerCenter.undoRemoveTenant'), true, 'the palette restores the one left');
      await waitFor('Adventure Works back', () => listed(w, ADVENTURE));
      assert.strictEqual(await vscode.commands.executeCommand('partnerCenter.undoRemoveTenant'), false, 'nothing left to undo');
      assert.deepStrictEqual(configured(), THREE, 'each back at its place');
      // Undo on a notification whose tenant is listed again says so
      undo.get('Adventure Works')!('Undo');
      await waitFor('the reason', () => stand!.texts('showInformationMessage').includes('Adventure Works is listed again already.'));
    });

    it('the palette\'s Undo can be repeated for earlier removals; after re-adding, the old Undo says the tenant is listed again', async () => {
      await setCustomers(THREE);
      await waitFor('rows', () => THREE.every((t) => listed(w, t.tenantId)));
      const undo = new Map<string, (pick: string | undefined) => void>();
      stand = standIn((fn, args) => (fn === 'showInformationMessage' && /^Removed /.test(String(args[0])) ? new Promise((resolve) => undo.set(String(args[0]).replace(/^Removed (.*?) from the list\..*$/, '$1'), resolve)) : undefined));
      await vscode.commands.executeCommand('partnerCenter.removeTenant', rowOf(w, LITWARE));
      await vscode.commands.executeCommand('partnerCenter.removeTenant', rowOf(w, ADVENTURE));
      assert.strictEqual(await vscode.commands.executeCommand('partnerCenter.undoRemoveTenant'), true);
      await waitFor('Adventure Works back first', () => listed(w, ADVENTURE));
      assert.ok(!listed(w, LITWARE));
      assert.strictEqual(await vscode.commands.executeCommand('partnerCenter.undoRemoveTenant'), true);
      await waitFor('then Litware', () => listed(w, LITWARE));
      await vscode.commands.executeCommand('partnerCenter.removeTenant', rowOf(w, LITWARE));
      await waitFor('Litware removed', () => !listed(w, LITWARE));
      await setCustomers(THREE);
      await waitFor('Litware added again', () => listed(w, LITWARE));
      undo.get('Litware')!('Undo');
      await waitFor('the reason', () => stand!.texts('showInformationMessage').includes('Litware is listed again already.'));
      assert.deepStrictEqual(configured(), THREE, 'nothing written twice');
    });
  });

  describe('domain entries', () => {
    const NORTHWIND = { tenantId: DEMO_TENANTS.denied, name: 'Northwind Traders' };

    it('their warning rows open .vscode/settings.json at the entry; the hover holds the whole message and no action that does not exist', async () => {
      await setCustomers([NORTHWIND, 'zzyzx-unknown.edu', 'northwind.com']);
      await w.api.refresher.refreshAll();
      const rows = await waitFor('two warning rows', () => {
        const r = w.api.tree.getChildren().filter((n: Node) => n.kind === 'domain' && n.resolution);
        return r.length === 2 && r;
      });
      const items = rows.map((r) => w.api.tree.getTreeItem(r));
      assert.deepStrictEqual(items.map(label), ['entry 2: no Partner Center customer has the domain zzyzx-unknown.edu', 'entry 3: northwind.com is Northwind Traders, listed already']);
      for (const [i, item] of items.entries()) {
        const tooltip = String(item.tooltip);
        assert.ok(tooltip.startsWith(label(item)), `the whole message in the hover: ${tooltip}`);
        assert.doesNotMatch(tooltip, /Remove entry/);
        await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
        const editor = await waitFor('the settings file', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/.vscode/settings.json') && vscode.window.activeTextEditor);
        assert.strictEqual(editor.document.uri.fsPath, path.join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, '.vscode', 'settings.json'));
        await waitFor('the entry selected', () => editor.document.getText(editor.selection) === ['"zzyzx-unknown.edu"', '"northwind.com"'][i]);
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      }
    });

    it('Add Tenant (signed in) looks a domain up first and refuses one nobody has, or of a listed tenant, with the warning row\'s words', async () => {
      await setCustomers([NORTHWIND]);
      await waitFor('row', () => listed(w, NORTHWIND.tenantId));
      stand = standIn();
      assert.strictEqual(await vscode.commands.executeCommand('partnerCenter.addTenant', { domain: 'zzyzx-school.edu' }), undefined);
      assert.deepStrictEqual(stand.texts('showErrorMessage'), ['Not added: no Partner Center customer has the domain zzyzx-school.edu.']);
      assert.deepStrictEqual(configured(), [NORTHWIND], 'nothing written');
      assert.strictEqual(await vscode.commands.executeCommand('partnerCenter.addTenant', { domain: 'northwind.com' }), undefined);
      assert.match(stand.texts('showErrorMessage')[1] ?? '', /^Not added: northwind\.com is Northwind Traders, listed already\.$/);
      assert.deepStrictEqual(configured(), [NORTHWIND], 'nothing written');
      // a domain Partner Center knows is written and its tenant shown
      assert.strictEqual(await vscode.commands.executeCommand('partnerCenter.addTenant', { domain: 'woodgrove.edu' }), 'woodgrove.edu');
      await waitFor('Woodgrove listed', () => listed(w, DEMO_TENANTS.wrappedPascal));
    });

    it('a domain whose customer the workspace knows already is its tenant at once, without a refresh', async () => {
      await setCustomers([DEMO_TENANTS.noneEntry]);
      await w.api.refresher.refreshAll();
      await waitFor('the company name learned', () => rowOf(w, DEMO_TENANTS.noneEntry) && label(w.api.tree.getTreeItem(rowOf(w, DEMO_TENANTS.noneEntry)!)) === 'Litware');
      await setCustomers(['litware.com']);
      await waitFor('the tenant row for the domain', () => rowOf(w, DEMO_TENANTS.noneEntry));
      assert.ok(!w.api.tree.getChildren().some((n) => n.kind === 'domain'), 'no "resolved on refresh" row');
    });
  });

  describe('small points', () => {
    it('relative times read "5 min ago", as the README writes them', async () => {
      await setCustomers([DEMO_TENANTS.none]);
      await waitFor('row', () => listed(w, DEMO_TENANTS.none));
      // an answer older than one recorded is refused (answers are ordered): forget the newer one first
      w.api.store.forget(DEMO_TENANTS.none);
      w.api.store.succeeded({ tenantId: DEMO_TENANTS.none, qualifications: [], checkedAt: Date.now() - 5 * 60_000 - 1000 });
      await waitFor('the age', () => String(w.api.tree.getTreeItem(rowOf(w, DEMO_TENANTS.none)!).description) === 'No qualification · 5 min ago');
    });

    it('Show History\'s baseline row says what the status was', async () => {
      await setCustomers([{ tenantId: DEMO_TENANTS.denied, name: 'Northwind Traders' }]);
      await w.api.refresher.refreshAll();
      const { items } = w.api.changes.historyItems(DEMO_TENANTS.denied);
      const baseline = items[items.length - 1]!;
      assert.match(baseline.label, /the baseline/);
      assert.strictEqual(baseline.detail, 'Education Denied');
    });
  });
});
