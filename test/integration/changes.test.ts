import * as assert from 'assert';
import * as vscode from 'vscode';
import { World, getWorld, setCustomers, signInApp, waitFor } from './helpers';
import { Node } from '../../src/vscode/view/tree';

// customers of this suite only (the demo ones stay as other suites expect them)
const id = (n: number) => `00000000-0000-4000-8000-0000000003${n.toString(16).padStart(2, '0')}`;
const NORTHWIND = id(1);
const FABRIKAM = id(2);
const CONTOSO = id(3);
const WATCHED = id(4);
const NAMES: Record<string, string> = { [NORTHWIND]: 'Northwind Traders', [FABRIKAM]: 'Fabrikam School District', [CONTOSO]: 'Contoso University', [WATCHED]: 'Alpine Ski House Academy' };

const edu = (vettingStatus: string, vettingReason?: string) => [{ qualification: 'Education', vettingStatus, ...(vettingReason ? { vettingReason } : {}), vettingCreateDate: '2026-11-27T08:12:00Z' }];
const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');

function qualificationItem(w: World, tenantId: string): vscode.TreeItem {
  const t = w.api.tree.getChildren().find((x) => x.kind === 'tenant' && x.tenant.tenantId === tenantId) as Node;
  const q = w.api.tree.getChildren(t).find((x) => x.kind === 'qualification')!;
  return w.api.tree.getTreeItem(q);
}

function tenantTooltip(w: World, tenantId: string): string {
  const t = w.api.tree.getChildren().find((x) => x.kind === 'tenant' && x.tenant.tenantId === tenantId)!;
  const item = w.api.tree.resolveTreeItem(w.api.tree.getTreeItem(t), t);
  return (item.tooltip as vscode.MarkdownString).value;
}

describe('Changes: history, summary, watching, status bar', () => {
  let w: World;
  before(async () => {
    w = await getWorld();
    w.sim.api.upsert({ tenantId: NORTHWIND, name: NAMES[NORTHWIND]!, qualifications: edu('Approved') });
    w.sim.api.upsert({ tenantId: FABRIKAM, name: NAMES[FABRIKAM]!, qualifications: edu('InReview') });
    w.sim.api.upsert({ tenantId: CONTOSO, name: NAMES[CONTOSO]!, qualifications: edu('Approved') });
    w.sim.api.upsert({ tenantId: WATCHED, name: NAMES[WATCHED]!, qualifications: edu('InReview') });
    await setCustomers([NORTHWIND, FABRIKAM, CONTOSO].map((tenantId) => ({ tenantId, name: NAMES[tenantId] })));
    await waitFor('rows', () => w.api.tree.getChildren().length === 3);
    await signInApp(w);
  });

  after(async () => {
    // other suites read the simulator's customer directory: leave it as it was
    for (const id of [NORTHWIND, FABRIKAM, CONTOSO, WATCHED]) w.sim.api.customers.delete(id);
    await w.api.changes.watcher.setIntervalForTests(undefined);
    await vscode.workspace.getConfiguration('partnerCenter').update('statusBar.enabled', undefined, vscode.ConfigurationTarget.Global);
  });

  it('a refresh that changes two tenants shows one summary, most important first, and marks their rows', async () => {
    const shown = w.api.changes.announcer.shown;
    await vscode.commands.executeCommand('partnerCenter.refreshAll');
    const afterBaseline = shown.length;
    assert.ok(!shown.some((s) => s.text.includes('Contoso University')), 'a first answer is a baseline, not a change');
    w.sim.api.customers.get(NORTHWIND)!.qualifications = edu('Denied', 'Not an Academic Domain');
    w.sim.setVettingTimeline(FABRIKAM, { qualification: 'Education', steps: [{ status: 'Approved' }] });
    const next = new Promise<{ text: string; severity: string }>((resolve) => { const d = w.api.changes.announcer.onDidShow((s) => { d.dispose(); resolve(s); }); });
    await vscode.commands.executeCommand('partnerCenter.refreshAll');
    const message = await next;
    assert.strictEqual(shown.length, afterBaseline + 1, 'one message for the refresh');
    assert.strictEqual(message.text, '2 changes: Northwind Traders Education Approved → Denied (Not an Academic Domain); Fabrikam School District Education In review → Approved');
    assert.strictEqual(message.severity, 'warning', 'Denied after Approved');

    const nw = qualificationItem(w, NORTHWIND);
    assert.match(String(nw.description), /^Denied · since \S+ \S+ \(was Approved\) · Not an Academic Domain · .+ · changed$/);
    assert.deepStrictEqual((nw.label as vscode.TreeItemLabel).highlights, [[0, 'Education'.length]]);
    assert.match(String(qualificationItem(w, FABRIKAM).description), /^Approved · since .+ \(was In review\) · .+ · changed$/);
    assert.doesNotMatch(String(qualificationItem(w, CONTOSO).description), /changed|since/);
    assert.match(tenantTooltip(w, NORTHWIND), /Recent changes[\s\S]*Education Approved → Denied \\\(Not an Academic Domain\\\)/);
    assert.strictEqual(w.api.changes.tracker.history.changes(NORTHWIND).length, 1);

    // nothing changed: no message, and the marks go with the next refresh (the "since" stays)
    await vscode.commands.executeCommand('partnerCenter.refreshAll');
    await new Promise((r) => setTimeout(r, 300));
    assert.strictEqual(shown.length, afterBaseline + 1);
    assert.match(String(qualificationItem(w, NORTHWIND).description), /^Denied · since .+ \(was Approved\)/);
    assert.doesNotMatch(String(qualificationItem(w, NORTHWIND).description), /changed/);
    assert.strictEqual(label(qualificationItem(w, CONTOSO)), 'Education');
  });

  it('a failed fetch is not a change and keeps the history', async () => {
    const before = w.api.changes.tracker.history.changes(CONTOSO).length;
    w.sim.setCustomerFault(CONTOSO, { fault: 'no-relationship' });
    try {
      await vscode.commands.executeCommand('partnerCenter.refreshTenant', w.api.tree.getChildren().find((x) => x.kind === 'tenant' && x.tenant.tenantId === CONTOSO));
    } finally {
      w.sim.setCustomerFault(CONTOSO, undefined);
    }
    assert.strictEqual(w.api.changes.tracker.history.changes(CONTOSO).length, before);
    await vscode.commands.executeCommand('partnerCenter.refreshAll');
    assert.strictEqual(w.api.changes.tracker.history.changes(CONTOSO).length, before, 'Approved again after the failure: still no change');
  });

  it('the status bar item follows the counts: text, tooltip, spinner, warning until looked at, hidden without tenants or by setting', async () => {
    const bar = w.api.changes.statusBar;
    await waitFor('status bar counts', () => bar.item.text === '$(shield) 3 $(check) 2 $(clock) 0 $(error) 1' || undefined);
    assert.strictEqual(bar.visible, true);
    assert.ok(bar.item.name);
    const tip = (bar.item.tooltip as vscode.MarkdownString).value;
    assert.match(tip, /Tenants \| 3 \|/);
    assert.match(tip, /Denied \| 1 \|/);
    assert.match(tip, /Last refresh: /);
    assert.match(tip, /turned Denied since you last looked/);
    assert.strictEqual((bar.item.backgroundColor as vscode.ThemeColor | undefined)?.id, 'statusBarItem.warningBackground');
    await vscode.commands.executeCommand(bar.item.command as string);
    await waitFor('looked: no warning', () => bar.item.backgroundColor === undefined);

    w.sim.setLatency(400);
    try {
      const running = vscode.commands.executeCommand('partnerCenter.refreshAll');
      await waitFor('spinner', () => bar.item.text.startsWith('$(sync~spin) 3'));
      await running;
      await waitFor('spinner gone', () => bar.item.text.startsWith('$(shield) 3'));
    } finally {
      w.sim.setLatency(0);
    }

    await setCustomers([NORTHWIND, FABRIKAM, CONTOSO, WATCHED].map((tenantId) => ({ tenantId, name: NAMES[tenantId] })));
    await waitFor('a never-checked tenant counted', () => bar.item.text === '$(shield) 4 $(check) 2 $(clock) 0 $(error) 1' || undefined);
    await vscode.workspace.getConfiguration('partnerCenter').update('statusBar.enabled', false, vscode.ConfigurationTarget.Global);
    await waitFor('hidden by the setting', () => !bar.visible);
    await vscode.workspace.getConfiguration('partnerCenter').update('statusBar.enabled', undefined, vscode.ConfigurationTarget.Global);
    await waitFor('shown again', () => bar.visible);
    await setCustomers([]);
    await waitFor('hidden without tenants', () => !bar.visible);
    await setCustomers([NORTHWIND, FABRIKAM, CONTOSO, WATCHED].map((tenantId) => ({ tenantId, name: NAMES[tenantId] })));
  });

  it('a watched In Review tenant turns Approved in the simulator and a notification says so, with no user action', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('partnerCenter.refreshAll'); // WATCHED's first answer: In Review
    await w.api.changes.watcher.setIntervalForTests(2000);
    await waitFor('watching', () => w.api.changes.watcher.running && w.api.changes.watcher.scheduler?.watched.includes(WATCHED), 15_000);
    w.sim.setVettingTimeline(WATCHED, { qualification: 'Education', steps: [{ afterMs: 3000, status: 'Approved' }] });
    const shown = await new Promise<{ text: string; severity: string; kind: string }>((resolve) => { const d = w.api.changes.announcer.onDidShow((s) => { d.dispose(); resolve(s); }); });
    assert.strictEqual(shown.text, 'Alpine Ski House Academy: Education vetting is now Approved.');
    assert.deepStrictEqual([shown.severity, shown.kind], ['information', 'watch']);
    assert.match(String(qualificationItem(w, WATCHED).description), /^Approved · since .+ \(was In review\)/);
    const checks = w.sim.api.stats.log.filter((r) => r.tenantId === WATCHED).map((r) => r.at);
    for (let i = 1; i < checks.length; i++) assert.ok(checks[i]! - checks[i - 1]! >= 1900, `checks ${checks[i]! - checks[i - 1]!} ms apart: at most one per interval`);
    await waitFor('no longer watched after its verdict', () => !w.api.changes.watcher.scheduler?.watched.includes(WATCHED), 5000);
  });

  it('stops watching on sign-out, without prompting', async () => {
    w.sim.setVettingTimeline(FABRIKAM, { qualification: 'Education', steps: [{ status: 'InReview' }] });
    await vscode.commands.executeCommand('partnerCenter.refreshAll');
    await waitFor('watching again', () => w.api.changes.watcher.running && w.api.changes.watcher.scheduler?.watched.includes(FABRIKAM), 10_000);
    await vscode.commands.executeCommand('partnerCenter.signOut');
    await waitFor('stopped', () => !w.api.changes.watcher.running, 10_000);
    await signInApp(w);
  });

  it('the history survives a reload: read again from workspace state, the same changes', async () => {
    const reloaded = await w.api.changes.reloadHistory();
    for (const t of [NORTHWIND, FABRIKAM, CONTOSO, WATCHED]) assert.deepStrictEqual(reloaded.changes(t), w.api.changes.tracker.history.changes(t), t);
    assert.strictEqual(reloaded.changes(NORTHWIND)[0]?.to, 'Denied');
    assert.deepStrictEqual(reloaded.observe({ tenantId: NORTHWIND, qualifications: [{ name: 'Education', status: 'Denied', reason: 'Not an Academic Domain' }], checkedAt: Date.now() }), [], 'its baseline came back too');
  });
});
