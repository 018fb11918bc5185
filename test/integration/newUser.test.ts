// What a new user hit in the demo (issue 10): the view's message after filters and sign-out, what a row
// says, badges and counts, warning rows that open the settings file at the entry, Remove Tenant's undo,
// tenant names in the log.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { DEMO_TENANTS, World, getWorld, setCustomers, signInApp, waitFor } from './helpers';
import { Node, TenantNode, tenantUri } from '../../src/vscode/view/tree';

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');
const configured = () => vscode.workspace.getConfiguration('partnerCenter').inspect<unknown[]>('customers')?.workspaceValue ?? [];

function row(w: World, id: string): TenantNode {
  const n = w.api.tree.getChildren().find((x): x is TenantNode => x.kind === 'tenant' && x.tenant.tenantId === id);
  assert.ok(n, `row for ${id}`);
  return n;
}
const description = (w: World, id: string) => String(w.api.tree.getTreeItem(row(w, id)).description ?? '');

function logText(w: World): string {
  const files = fs.existsSync(w.api.logUri.fsPath) ? fs.readdirSync(w.api.logUri.fsPath, { recursive: true }) as string[] : [];
  return files.filter((f) => f.endsWith('.log')).map((f) => fs.readFileSync(path.join(w.api.logUri.fsPath, f), 'utf8')).join('\n');
}

const NAMED = [
  { tenantId: DEMO_TENANTS.approved, name: 'Contoso University' },
  { tenantId: DEMO_TENANTS.denied, name: 'Northwind Traders' },
  { tenantId: DEMO_TENANTS.stateOwnedGcc, name: 'City of Tailspin' },
  { tenantId: DEMO_TENANTS.none, name: 'Adventure Works' },
];

describe('What a new user sees', () => {
  let w: World;
  before(async () => {
    w = await getWorld();
    await signInApp(w);
    await setCustomers(NAMED);
    await waitFor('rows', () => w.api.tree.getChildren().length === NAMED.length);
    const report = await w.api.refresher.refreshAll();
    assert.strictEqual(report.succeeded, NAMED.length);
  });
  after(() => vscode.commands.executeCommand('partnerCenter.clearFilter'));

  it('the view message follows the real sign-in state after Filter and Clear Filter', async () => {
    assert.doesNotMatch(String(w.api.view.message), /Not signed in/);
    await vscode.commands.executeCommand('partnerCenter.filter', ['Approved']);
    assert.match(String(w.api.view.message), /Filtered: Approved\./);
    assert.doesNotMatch(String(w.api.view.message), /Not signed in/, 'signed in, yet the message said otherwise after Filter');
    await vscode.commands.executeCommand('partnerCenter.clearFilter');
    assert.doesNotMatch(String(w.api.view.message), /Not signed in|Filtered/, 'after Clear Filter');
  });

  it('a collapsed row leads with its qualifications (the status word only where the icon does not say it), then the age; the id stays out', async () => {
    assert.strictEqual(description(w, DEMO_TENANTS.approved), 'Education · just now');
    assert.strictEqual(description(w, DEMO_TENANTS.denied), 'Education: Not an Academic Domain · just now');
    assert.strictEqual(description(w, DEMO_TENANTS.stateOwnedGcc), 'GCC · SOE · just now');
    assert.strictEqual(description(w, DEMO_TENANTS.none), 'No qualification · just now');
    // a screen reader hears every status word
    const spoken = (id: string) => w.api.tree.getTreeItem(row(w, id)).accessibilityInformation?.label;
    assert.strictEqual(spoken(DEMO_TENANTS.denied), 'Northwind Traders, Denied, Education Denied: Not an Academic Domain, just now');
    assert.strictEqual(spoken(DEMO_TENANTS.stateOwnedGcc), 'City of Tailspin, Approved, GCC Approved · SOE, just now');
    for (const t of NAMED) assert.ok(!description(w, t.tenantId).includes(t.tenantId), 'no id in the description');
    const tooltip = w.api.tree.resolveTreeItem(w.api.tree.getTreeItem(row(w, DEMO_TENANTS.approved)), row(w, DEMO_TENANTS.approved)).tooltip as vscode.MarkdownString;
    assert.ok(tooltip.value.includes(DEMO_TENANTS.approved), 'the id is in the tooltip');
  });

  it('badges read as statuses, not counts; the summary says "no qualification" and counts tenants not checked', async () => {
    const deco = (id: string) => w.api.decorations.provideFileDecoration(tenantUri(id), new vscode.CancellationTokenSource().token) as vscode.FileDecoration;
    for (const t of NAMED) assert.doesNotMatch(String(deco(t.tenantId).badge ?? ''), /\d/, `badge of ${t.name}`);
    assert.match(String(deco(DEMO_TENANTS.none).tooltip), /^∅: No qualification\. Badges: A approved, R in review, D denied/);
    assert.match(String(deco(DEMO_TENANTS.approved).tooltip), /^A: Approved\. Badges: /);
    // the row's hover (what shows over the badge) explains the badges too
    const approvedRow = w.api.tree.getChildren().find((n: Node) => n.kind === 'tenant' && n.tenant.tenantId === DEMO_TENANTS.approved)!;
    const hover = (w.api.tree.resolveTreeItem(w.api.tree.getTreeItem(approvedRow), approvedRow).tooltip as vscode.MarkdownString).value;
    assert.match(hover.replace(/\\/g, ''), /A: Approved\. Badges: A approved, R in review, D denied/);
    const fresh = '1a2b3c4d-0000-4000-8000-0000000000ee';
    await setCustomers([...NAMED, fresh]);
    await waitFor('fresh row', () => w.api.tree.getChildren().length === NAMED.length + 1);
    assert.strictEqual(deco(fresh).badge, undefined, 'a tenant not checked has no badge (its row says so)');
    assert.strictEqual(description(w, fresh), 'not checked');
    assert.match(String(w.api.view.message), /^2 approved · 1 denied · 1 no qualification · 1 not checked\./);
    assert.strictEqual(w.api.view.description, '2 approved, 1 denied, 1 no qualification, 1 not checked');
    await setCustomers(NAMED);
  });

  it('the log names tenants by name besides the id', async () => {
    await w.api.refresher.refreshTenants([DEMO_TENANTS.denied]);
    await waitFor('a named log line', () => logText(w).includes(`tenant ${DEMO_TENANTS.denied} (Northwind Traders): 200 in`));
  });

  it('Remove Tenant offers Undo: the entry comes back where it was, with its name and remembered status', async () => {
    const before = configured();
    const status = w.api.store.book.get(DEMO_TENANTS.denied);
    assert.ok(status?.lastGood);
    assert.strictEqual(await vscode.commands.executeCommand('partnerCenter.removeTenant', row(w, DEMO_TENANTS.denied)), true);
    assert.deepStrictEqual(configured(), before.filter((_, i) => i !== 1));
    assert.strictEqual(w.api.store.book.get(DEMO_TENANTS.denied), undefined);
    const palette = (vscode.extensions.getExtension('csp-tools.partner-center-qualifications')!.packageJSON as { contributes: { menus: { commandPalette: { command: string; when: string }[] } } }).contributes.menus.commandPalette;
    assert.notStrictEqual(palette.find((m) => m.command === 'partnerCenter.removeTenant')?.when, 'false', 'Remove Tenant is in the palette');
    assert.strictEqual(await vscode.commands.executeCommand('partnerCenter.undoRemoveTenant'), true);
    assert.deepStrictEqual(configured(), before);
    assert.deepStrictEqual(w.api.store.book.get(DEMO_TENANTS.denied)?.lastGood, status.lastGood);
    await waitFor('row back', () => w.api.tree.getChildren().some((n) => n.kind === 'tenant' && n.tenant.tenantId === DEMO_TENANTS.denied));
    // the palette's Undo goes on to earlier removals (other suites'), never this one twice
    await vscode.commands.executeCommand('partnerCenter.undoRemoveTenant');
    assert.strictEqual(JSON.stringify(configured()).split(DEMO_TENANTS.denied).length - 1, 1, 'one undo per removal');
    await setCustomers(before);
  });

  it('a warning row counts entries from 1 and opens the settings file with the entry selected', async () => {
    await setCustomers([DEMO_TENANTS.approved, 'contoso', { tenantId: DEMO_TENANTS.approved.toUpperCase(), name: 'Contoso University' }]);
    const problems = await waitFor('warning rows', () => { const p = w.api.tree.getChildren().filter((n: Node) => n.kind === 'problem'); return p.length === 2 && p; });
    assert.deepStrictEqual(problems.map((p) => label(w.api.tree.getTreeItem(p))), [
      'entry 2: "contoso" is not a tenant id (GUID) or a domain',
      `entry 3: duplicate of entry 1 (${DEMO_TENANTS.approved})`,
    ]);
    assert.strictEqual(label(w.api.tree.getTreeItem(row(w, DEMO_TENANTS.approved))), 'Contoso University', 'the later entry\'s name survives');
    const item = w.api.tree.getTreeItem(problems[0]!);
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const editor = await waitFor('the settings file', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/.vscode/settings.json') && vscode.window.activeTextEditor);
    assert.strictEqual(editor.document.uri.fsPath, path.join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, '.vscode', 'settings.json'));
    assert.strictEqual(editor.document.getText(editor.selection), '"contoso"');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await setCustomers(NAMED);
  });

  it('after Sign Out rows say their data is from before sign-out, the message offers Sign In; Refresh All says it needs sign-in', async () => {
    const repainted = new Promise((resolve) => { const d = w.api.tree.onDidChangeTreeData(() => { d.dispose(); resolve(undefined); }); });
    await vscode.commands.executeCommand('partnerCenter.signOut');
    await Promise.race([repainted, new Promise((_, reject) => setTimeout(() => reject(new Error('the rows were not repainted after sign-out')), 2000))]);
    await waitFor('rows marked', () => description(w, DEMO_TENANTS.approved) === 'before sign-out · Education · just now');
    assert.match(String(w.api.view.message), /Signed out: rows show results from before sign-out\. Run "Partner Center: Sign In"/);
    const menus = (vscode.extensions.getExtension('csp-tools.partner-center-qualifications')!.packageJSON as { contributes: { menus: { 'view/title': { command: string; when: string; group: string }[] } } }).contributes.menus['view/title'];
    assert.ok(menus.some((m) => m.command === 'partnerCenter.signIn' && m.group.startsWith('navigation') && /!partnerCenter\.signedIn/.test(m.when)), 'a Sign In button in the view title while signed out');
    const report = await vscode.commands.executeCommand<{ succeeded: number }>('partnerCenter.refreshAll');
    assert.strictEqual(report.succeeded, 0);
    assert.match(String(w.api.view.message), /Refresh needs sign-in: run "Partner Center: Sign In"/);
    await signInApp(w);
    assert.doesNotMatch(String(w.api.view.message), /sign-in|Signed out/i);
    await w.api.refresher.refreshAll();
    assert.strictEqual(description(w, DEMO_TENANTS.approved), 'Education · just now');
  });
});
