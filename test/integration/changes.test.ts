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

function qualificationTooltip(w: World, tenantId: string): string {
  const t = w.api.tree.getChildren().find((x) => x.kind === 'tenant' && x.tenant.tenantId === tenantId) as Node;
  const q = w.api.tree.getChildren(t).find((x) => x.kind === 'qualification')!;
  const item = w.api.tree.resolveTreeItem(w.api.tree.getTreeItem(q), q);
  return (item.tooltip as vscode.MarkdownString).value;
}

// the one date format of rows, tooltips and history: short, in the display language (with the time where useful)
const day = (at: number | string) => new Intl.DateTimeFormat(vscode.env.language, { year: 'numeric', month: 'short', day: 'numeric' }).format(new Date(at));
const dayTime = (at: number) => new Intl.DateTimeFormat(vscode.env.language, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(at);
const tooltipOf = (item: vscode.StatusBarItem) => (item.tooltip as vscode.MarkdownString).value;
const hideView = async (w: World) => { await vscode.commands.executeCommand('workbench.view.explorer'); await waitFor('the Customers view hidden', () => !w.api.view.visible); };
const showView = async (w: World) => { await vscode.commands.executeCommand('partnerCenter.customers.focus'); await waitFor('the Customers view on screen', () => w.api.view.visible); };

function tenantItem(w: World, tenantId: string): vscode.TreeItem {
  return w.api.tree.getTreeItem(w.api.tree.getChildren().find((x) => x.kind === 'tenant' && x.tenant.tenantId === tenantId)!);
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
    // a denial is "unseen" only while the view is off screen: start with it hidden, as a person working elsewhere
    await hideView(w);
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

    // the row stays short (a 300 px side bar): status, the mark with what it was, reason; the dates are in the tooltip
    const nw = qualificationItem(w, NORTHWIND);
    assert.strictEqual(nw.description, 'Not an Academic Domain · Denied · changed from Approved');
    assert.deepStrictEqual((nw.label as vscode.TreeItemLabel).highlights, [[0, 'Education'.length]]);
    assert.strictEqual(qualificationItem(w, FABRIKAM).description, 'Approved · changed from In review');
    assert.strictEqual(qualificationItem(w, CONTOSO).description, 'Approved');
    // the tenant rows too: a highlighted name shows however narrow the row; a screen reader hears it
    assert.deepStrictEqual((tenantItem(w, NORTHWIND).label as vscode.TreeItemLabel).highlights, [[0, 'Northwind Traders'.length]]);
    assert.match(String(tenantItem(w, FABRIKAM).accessibilityInformation?.label), /, changed by the latest refresh$/);
    assert.strictEqual(typeof tenantItem(w, CONTOSO).label, 'string', 'an unchanged tenant is not highlighted');
    // each date says what it is, in one format
    const change = w.api.changes.tracker.history.changes(NORTHWIND)[0]!;
    const tip = qualificationTooltip(w, NORTHWIND).replace(/\\/g, '');
    assert.ok(tip.includes(`Vetting date (from Partner Center): ${day('2026-11-27T08:12:00Z')}`), tip);
    assert.ok(tip.includes(`Changed from Approved: seen by this extension ${dayTime(change.seenAt)}`), tip);
    assert.ok(tip.includes('Changed by the latest refresh'), tip);
    assert.match(tenantTooltip(w, NORTHWIND), /Recent changes[\s\S]*Education Approved → Denied \\\(Not an Academic Domain\\\)/);
    assert.ok(tenantTooltip(w, NORTHWIND).replace(/\\/g, '').includes(`${dayTime(change.seenAt)}: Education Approved → Denied (Not an Academic Domain)`));
    assert.strictEqual(w.api.changes.tracker.history.changes(NORTHWIND).length, 1);

    // nothing changed: no message, and the marks go with the next refresh (the "since" stays)
    await vscode.commands.executeCommand('partnerCenter.refreshAll');
    await new Promise((r) => setTimeout(r, 300));
    assert.strictEqual(shown.length, afterBaseline + 1);
    assert.strictEqual(qualificationItem(w, NORTHWIND).description, 'Not an Academic Domain · Denied (was Approved)');
    assert.ok(!qualificationTooltip(w, NORTHWIND).includes('Changed by the latest refresh'));
    assert.strictEqual(label(qualificationItem(w, CONTOSO)), 'Education');
    assert.strictEqual(typeof tenantItem(w, NORTHWIND).label, 'string', 'the tenant mark goes with the next refresh too');
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
    assert.match(String(qualificationItem(w, WATCHED).description), /^Approved · changed from In review$/);
    const checks = w.sim.api.stats.log.filter((r) => r.tenantId === WATCHED).map((r) => r.at);
    for (let i = 1; i < checks.length; i++) assert.ok(checks[i]! - checks[i - 1]! >= 1900, `checks ${checks[i]! - checks[i - 1]!} ms apart: at most one per interval`);
    await waitFor('no longer watched after its verdict', () => !w.api.changes.watcher.scheduler?.watched.includes(WATCHED));
  });

  it('stops watching on sign-out, without prompting; the tooltip says so, and watching again after sign-in', async () => {
    const bar = w.api.changes.statusBar;
    w.sim.setVettingTimeline(FABRIKAM, { qualification: 'Education', steps: [{ status: 'InReview' }] });
    await vscode.commands.executeCommand('partnerCenter.refreshAll');
    await waitFor('watching again', () => w.api.changes.watcher.running && w.api.changes.watcher.scheduler?.watched.includes(FABRIKAM), 10_000);
    await waitFor('the tooltip names the watch', () => /Watching 1 in review; next check /.test(tooltipOf(bar.item)));
    await vscode.commands.executeCommand('partnerCenter.signOut');
    await waitFor('stopped', () => !w.api.changes.watcher.running, 10_000);
    await waitFor(`the tooltip says why watching is off (now "${tooltipOf(bar.item)}")`, () => /Not watching the 1 in review: you are signed out\./.test(tooltipOf(bar.item)));
    assert.doesNotMatch(tooltipOf(bar.item), /Watching \d|next check/, 'no next check while signed out');
    assert.match(bar.item.accessibilityInformation!.label, /Not watching the 1 in review: you are signed out/);
    await signInApp(w);
    await waitFor(`watching again after sign-in (now "${tooltipOf(bar.item)}")`, () => w.api.changes.watcher.running && /Watching 1 in review; next check /.test(tooltipOf(bar.item)), 10_000);
    assert.doesNotMatch(tooltipOf(bar.item), /signed out/);
  });

  it('the history survives a reload: read again from workspace state, the same changes', async () => {
    const reloaded = await w.api.changes.reloadHistory();
    for (const t of [NORTHWIND, FABRIKAM, CONTOSO, WATCHED]) assert.deepStrictEqual(reloaded.changes(t), w.api.changes.tracker.history.changes(t), t);
    assert.strictEqual(reloaded.changes(NORTHWIND)[0]?.to, 'Denied');
    assert.deepStrictEqual(reloaded.observe({ tenantId: NORTHWIND, qualifications: [{ name: 'Education', status: 'Denied', reason: 'Not an Academic Domain' }], checkedAt: Date.now() }), [], 'its baseline came back too');
  });

  it('right after Refresh All the watch count in the tooltip follows the new results', async () => {
    const bar = w.api.changes.statusBar;
    for (const t of [NORTHWIND, FABRIKAM, CONTOSO]) w.sim.setVettingTimeline(t, { qualification: 'Education', steps: [{ status: 'InReview' }] });
    await vscode.commands.executeCommand('partnerCenter.refreshAll');
    await waitFor(`watching 3 (now "${tooltipOf(bar.item)}")`, () => /Watching 3 in review; next check /.test(tooltipOf(bar.item)), 10_000);
    for (const t of [NORTHWIND, CONTOSO]) w.sim.setVettingTimeline(t, { qualification: 'Education', steps: [{ status: 'Approved' }] });
    await vscode.commands.executeCommand('partnerCenter.refreshAll');
    // at once, as the counts: not after some later event
    assert.match(bar.item.text, /\$\(clock\) 1 /);
    assert.match(tooltipOf(bar.item), /Watching 1 in review; next check /);
    await new Promise((r) => setTimeout(r, 600));
    assert.match(tooltipOf(bar.item), /Watching 1 in review; next check /);
    assert.deepStrictEqual(w.api.changes.watcher.scheduler?.watched, [FABRIKAM]);
  });

  it('a denial seen while the Customers view is on screen raises no warning; off screen it waits until the view shows', async () => {
    const bar = w.api.changes.statusBar;
    const warning = () => (bar.item.backgroundColor as vscode.ThemeColor | undefined)?.id === 'statusBarItem.warningBackground';
    await showView(w);
    w.sim.setVettingTimeline(CONTOSO, { qualification: 'Education', steps: [{ status: 'Denied', reason: 'Not an Academic Domain' }] });
    await vscode.commands.executeCommand('partnerCenter.refreshAll');
    await waitFor('the denial counted', () => /\$\(error\) 1\b/.test(bar.item.text));
    await new Promise((r) => setTimeout(r, 300));
    assert.strictEqual(w.api.changes.tracker.hasUnseenDenied, false, 'the view was on screen');
    assert.strictEqual(warning(), false);
    assert.doesNotMatch(tooltipOf(bar.item), /since you last looked/);

    await hideView(w);
    w.sim.setVettingTimeline(CONTOSO, { qualification: 'Education', steps: [{ status: 'Approved' }] });
    await vscode.commands.executeCommand('partnerCenter.refreshAll');
    w.sim.setVettingTimeline(CONTOSO, { qualification: 'Education', steps: [{ status: 'Denied', reason: 'Not an Academic Domain' }] });
    await vscode.commands.executeCommand('partnerCenter.refreshAll');
    await waitFor('warning while the view is off screen', () => warning());
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(warning(), 'it stays while the view is hidden');
    await showView(w);
    await waitFor('cleared when the view shows', () => !warning() && !w.api.changes.tracker.hasUnseenDenied);
  });

  it("the status bar item's accessible label says everything its text and tooltip say, failed and not-checked counts too", async () => {
    const bar = w.api.changes.statusBar;
    const NEVER = id(5);
    w.sim.setCustomerFault(CONTOSO, { fault: 'no-relationship' });
    try {
      await setCustomers([NORTHWIND, FABRIKAM, CONTOSO, WATCHED, NEVER].map((tenantId) => ({ tenantId, name: NAMES[tenantId] ?? 'Never Checked Ltd' })));
      await waitFor('five rows', () => w.api.tree.getChildren().length === 5);
      await vscode.commands.executeCommand('partnerCenter.refreshTenant', w.api.tree.getChildren().find((x) => x.kind === 'tenant' && x.tenant.tenantId === CONTOSO));
      await waitFor(`a failed and a never-checked tenant (now "${bar.item.text}")`, () => /\$\(warning\) 1$/.test(bar.item.text) && /Not checked \| [1-9]\d* \|/.test(tooltipOf(bar.item)));
      const label = bar.item.accessibilityInformation!.label;
      const said = label.toLocaleLowerCase();
      const rows = [...tooltipOf(bar.item).matchAll(/^\| \$\([\w-]+\) \| (.+?) \| (\d+) \|$/gm)];
      assert.ok(rows.length >= 6, tooltipOf(bar.item));
      for (const [, what, n] of rows) assert.ok(said.includes(`${n} ${what!.toLocaleLowerCase()}`), `"${n} ${what}" missing from "${label}"`);
      assert.ok(said.includes('1 last check failed') && /\b[1-9]\d* not checked\b/.test(said), label);
      // the lines under the table (last refresh, watching, denial) too, without their icons
      const lines = tooltipOf(bar.item).split('\n').filter((l) => l && !l.startsWith('|') && !l.startsWith('**')).map((l) => l.replace(/\$\([\w~-]+\)\s*/g, '').trim());
      assert.ok(lines.some((l) => l.startsWith('Last refresh')), tooltipOf(bar.item));
      for (const l of lines) assert.ok(label.includes(l.replace(/\.$/, '')), `"${l}" missing from "${label}"`);
    } finally {
      w.sim.setCustomerFault(CONTOSO, undefined);
      await setCustomers([NORTHWIND, FABRIKAM, CONTOSO, WATCHED].map((tenantId) => ({ tenantId, name: NAMES[tenantId] })));
    }
  });

  it('Show History lists the changes in the same date format as the rows, with the time of day', async () => {
    const changes = w.api.changes.tracker.history.changes(NORTHWIND);
    const { items } = w.api.changes.historyItems(NORTHWIND);
    assert.strictEqual(items.length, changes.length + 1, 'the changes and the baseline');
    [...changes].reverse().forEach((c, i) => {
      assert.ok(items[i]!.label.includes(`${dayTime(c.seenAt)}: Education `), items[i]!.label);
      assert.strictEqual(items[i]!.detail, c.vettingDate ? `Vetting date (from Partner Center): ${day(c.vettingDate)}` : undefined);
    });
    assert.ok(changes.some((c) => c.vettingDate), 'a vetting date to show');
    assert.ok(items[items.length - 1]!.label.endsWith(`First answer seen ${dayTime(w.api.changes.tracker.history.since(NORTHWIND)!)} (the baseline)`), items[items.length - 1]!.label);
  });

  it('one auto refresh at a time: showing the view twice while one runs joins it, one batch and one request per tenant', async function () {
    this.timeout(30_000);
    const G = vscode.ConfigurationTarget.Global;
    const hours = 0.001; // 3.6 s: every tenant of this suite is due by then
    const checkedAt = (t: string) => Math.max(w.api.store.book.get(t)?.lastGood?.checkedAt ?? 0, w.api.store.book.get(t)?.failure?.at ?? 0);
    await hideView(w);
    // the watcher would keep re-checking the In Review tenant (never due then): off for this test
    await vscode.workspace.getConfiguration('partnerCenter').update('watch.enabled', false, G);
    await w.api.changes.watcher.setIntervalForTests(undefined);
    await waitFor('not watching', () => !w.api.changes.watcher.running, 10_000);
    await vscode.workspace.getConfiguration('partnerCenter').update('autoRefresh.hours', hours, G);
    const ids = [...w.api.tree.tenantIds];
    assert.ok(ids.includes(CONTOSO));
    // one slow answer keeps the auto refresh running while the view is shown again
    w.sim.setCustomerFault(CONTOSO, { fault: 'latency', latencyMs: 4000 });
    let batches = 0;
    const sub = w.api.refresher.onDidStart(() => batches++);
    try {
      await waitFor('every tenant due', () => ids.every((t) => checkedAt(t) < Date.now() - hours * 3_600_000 - 100), 10_000);
      const from = w.sim.api.stats.log.length;
      await showView(w); // the first trigger
      await waitFor('the auto refresh running', () => batches === 1, 10_000);
      await waitFor('the quick tenants answered', () => ids.filter((t) => t !== CONTOSO).every((t) => checkedAt(t) > Date.now() - 10_000), 10_000);
      for (let i = 0; i < 2; i++) { await hideView(w); await showView(w); }
      const joined = await w.api.changes.autoRefresh(); // the same trigger, awaited: it joins the running one
      assert.strictEqual(joined, ids.length, 'joined the running auto refresh');
      assert.strictEqual(batches, 1, `${batches} batches for one auto refresh`);
      const sent = w.sim.api.stats.log.slice(from).map((r) => r.tenantId).sort();
      assert.deepStrictEqual(sent, [...ids].sort(), 'one request per tenant');
    } finally {
      sub.dispose();
      w.sim.setCustomerFault(CONTOSO, undefined);
      for (const key of ['autoRefresh.hours', 'watch.enabled']) await vscode.workspace.getConfiguration('partnerCenter').update(key, undefined, G);
    }
  });
});
