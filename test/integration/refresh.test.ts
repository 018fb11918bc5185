import * as assert from 'assert';
import * as vscode from 'vscode';
import { ALL_DEMO, DEMO_TENANTS, World, getWorld, setCustomers, signInApp, waitFor } from './helpers';
import { tenantUri, qualificationUri, Node } from '../../src/vscode/view/tree';

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');

function tenantNode(w: World, id: string): Node {
  const n = w.api.tree.getChildren().find((x) => x.kind === 'tenant' && x.tenant.tenantId === id);
  assert.ok(n, `row for ${id}`);
  return n;
}

function childLabels(w: World, id: string): string[] {
  return w.api.tree.getChildren(tenantNode(w, id)).map((c) => `${label(w.api.tree.getTreeItem(c))} | ${w.api.tree.getTreeItem(c).description ?? ''}`);
}

describe('Refresh against the simulator', () => {
  let w: World;
  before(async () => {
    w = await getWorld();
    await setCustomers(ALL_DEMO.map((tenantId) => ({ tenantId })));
    await waitFor('demo rows', () => w.api.tree.getChildren().length === ALL_DEMO.length);
  });

  it('refuses to refresh before sign-in, without calling the service', async () => {
    await vscode.commands.executeCommand('partnerCenter.signOut');
    const before = w.sim.api.stats.requests;
    const report = await vscode.commands.executeCommand<{ succeeded: number }>('partnerCenter.refreshAll');
    assert.strictEqual(report.succeeded, 0);
    assert.strictEqual(w.sim.api.stats.requests, before);
    assert.match(String(w.api.view.message), /Refresh needs sign-in/);
  });

  it('fetches every tenant: each status in the tree, its decoration and the view counts', async () => {
    await signInApp(w);
    const report = await vscode.commands.executeCommand<{ succeeded: number; failed: number }>('partnerCenter.refreshAll');
    assert.deepStrictEqual([report.succeeded, report.failed], [ALL_DEMO.length - 3, 3]);
    const deco = (uri: vscode.Uri) => w.api.decorations.provideFileDecoration(uri, new vscode.CancellationTokenSource().token) as vscode.FileDecoration | undefined;
    const expectations: [string, string, string][] = [
      [DEMO_TENANTS.approved, 'A', 'partnerCenter.approvedForeground'],
      [DEMO_TENANTS.inReview, 'R', 'partnerCenter.inReviewForeground'],
      [DEMO_TENANTS.denied, 'D', 'partnerCenter.deniedForeground'],
      [DEMO_TENANTS.unknownStatus, '?', 'partnerCenter.unknownForeground'],
      [DEMO_TENANTS.none, '\u2205', 'partnerCenter.uncheckedForeground'],
      [DEMO_TENANTS.noRelationship, '!', 'partnerCenter.errorForeground'],
      [DEMO_TENANTS.flaky, 'A', 'partnerCenter.approvedForeground'],
    ];
    for (const [id, badge, color] of expectations) {
      const d = deco(tenantUri(id));
      assert.strictEqual(d?.badge, badge, `badge of ${id}`);
      assert.strictEqual((d?.color as vscode.ThemeColor).id, color, `color of ${id}`);
      assert.strictEqual(d?.propagate, false);
    }
    assert.strictEqual(deco(qualificationUri(DEMO_TENANTS.stateOwnedGcc, 'StateOwnedEntity'))?.badge, 'H');
    assert.strictEqual(deco(qualificationUri(DEMO_TENANTS.stateOwnedGcc, 'GovernmentCommunityCloud'))?.badge, 'A');
    // the vetting date is in the qualification's tooltip (the row stays short for a narrow side bar)
    assert.strictEqual(childLabels(w, DEMO_TENANTS.denied)[0]!, 'Education | Not an Academic Domain · Denied');
    assert.deepStrictEqual(childLabels(w, DEMO_TENANTS.none), ['No qualification | ']);
    assert.match(childLabels(w, DEMO_TENANTS.unknownStatus)[0]!, /Unknown status "PendingDocuments"/);
    assert.match(childLabels(w, DEMO_TENANTS.noRelationship)[0]!, /^No reseller relationship/);
    assert.match(childLabels(w, DEMO_TENANTS.malformed)[0]!, /unexpected answer: the body is not JSON/);
    const denied = tenantNode(w, DEMO_TENANTS.denied);
    assert.strictEqual(w.api.tree.getTreeItem(denied).tooltip, undefined, 'tooltips are built on hover');
    const tooltip = w.api.tree.resolveTreeItem(w.api.tree.getTreeItem(denied), denied).tooltip as vscode.MarkdownString;
    assert.match(tooltip.value, /Not an Academic Domain/);
    assert.match(tooltip.value, /Request id: `[0-9a-f-]{36}`/);
    assert.match(String(w.api.tree.getTreeItem(tenantNode(w, DEMO_TENANTS.approved)).description), /^Education · /);
    // the counts follow the results within 100 ms (recounted once per burst, not per result)
    const counts = '5 approved, 1 in review, 1 denied, 1 unknown, 2 no qualification, 3 failed';
    await waitFor(`view counts "${counts}" (now "${w.api.view.description}")`, () => w.api.view.description === counts);
  });

  it('keeps the last good status visible when a later refresh fails', async () => {
    w.sim.setCustomerFault(DEMO_TENANTS.approved, { fault: 'server-error', status: 500 });
    try {
      await w.api.refresher.refreshTenants([DEMO_TENANTS.approved]);
      const rows = childLabels(w, DEMO_TENANTS.approved);
      assert.match(rows[0]!, /server error \(500\)/);
      assert.match(rows[1]!, /^Education \| Approved/);
      const d = w.api.decorations.provideFileDecoration(tenantUri(DEMO_TENANTS.approved), new vscode.CancellationTokenSource().token) as vscode.FileDecoration;
      assert.strictEqual(d.badge, '!');
      assert.match(String(w.api.tree.getTreeItem(tenantNode(w, DEMO_TENANTS.approved)).description), /failed/);
    } finally {
      w.sim.setCustomerFault(DEMO_TENANTS.approved, undefined);
    }
    await w.api.refresher.refreshTenants([DEMO_TENANTS.approved]);
    assert.strictEqual((w.api.decorations.provideFileDecoration(tenantUri(DEMO_TENANTS.approved), new vscode.CancellationTokenSource().token) as vscode.FileDecoration).badge, 'A');
  });

  it('a second Refresh All joins the running one', async () => {
    w.sim.setLatency(100);
    try {
      const before = w.sim.api.stats.log.length;
      const [a, b] = await Promise.all([vscode.commands.executeCommand('partnerCenter.refreshAll'), vscode.commands.executeCommand('partnerCenter.refreshAll')]);
      assert.deepStrictEqual(a, b);
      const calls = w.sim.api.stats.log.slice(before).filter((l) => l.tenantId === DEMO_TENANTS.approved);
      assert.strictEqual(calls.length, 1);
    } finally {
      w.sim.setLatency(0);
    }
  });

  it('cancelling keeps what finished', async () => {
    // 8 at once: the first eight answer at 300 ms, the rest are in flight when Cancel comes at 450 ms
    w.sim.setLatency(300);
    try {
      const cts = new vscode.CancellationTokenSource();
      const p = w.api.refresher.refreshTenants(ALL_DEMO, cts.token);
      setTimeout(() => cts.cancel(), 450);
      const report = await p;
      assert.ok(report.cancelled > 0, `cancelled ${report.cancelled}`);
      assert.ok(report.succeeded + report.failed > 0, 'some finished');
      assert.strictEqual(report.succeeded + report.failed + report.cancelled, ALL_DEMO.length);
    } finally {
      w.sim.setLatency(0);
    }
  });

  it('Refresh Tenant on a row fetches only that tenant', async () => {
    const report = await vscode.commands.executeCommand<{ correlationId: string; succeeded: number }>('partnerCenter.refreshTenant', tenantNode(w, DEMO_TENANTS.inReview));
    assert.strictEqual(report.succeeded, 1);
    // the calls of this refresh (earlier tests' cancelled calls may still land on the server)
    assert.deepStrictEqual(w.sim.api.stats.log.filter((l) => l.correlationId === report.correlationId).map((l) => l.tenantId), [DEMO_TENANTS.inReview]);
  });
});

describe('Sort and filter from the view title', () => {
  let w: World;
  before(async () => { w = await getWorld(); });
  after(async () => {
    await vscode.commands.executeCommand('partnerCenter.clearFilter');
    await vscode.commands.executeCommand('partnerCenter.sortBy', 'name');
  });

  it('sorts problems first by status and filters by status, saying so in the view', async () => {
    await setCustomers(ALL_DEMO.map((tenantId) => ({ tenantId })));
    await waitFor('demo rows', () => w.api.tree.getChildren().length === ALL_DEMO.length);
    await signInApp(w);
    await vscode.commands.executeCommand('partnerCenter.refreshAll');
    await vscode.commands.executeCommand('partnerCenter.sortBy', 'status');
    const order = w.api.tree.getChildren().map((n) => (n.kind === 'tenant' ? n.tenant.tenantId : ''));
    assert.deepStrictEqual(order.slice(0, 3).sort(), [DEMO_TENANTS.noRelationship, DEMO_TENANTS.notFound, DEMO_TENANTS.malformed].sort(), 'failed tenants first');
    assert.strictEqual(order[3], DEMO_TENANTS.denied, 'then denied');
    await vscode.commands.executeCommand('partnerCenter.filter', ['Denied', 'InReview']);
    const shown = w.api.tree.getChildren().map((n) => (n.kind === 'tenant' ? n.tenant.tenantId : ''));
    assert.deepStrictEqual(shown, [DEMO_TENANTS.denied, DEMO_TENANTS.inReview]);
    assert.match(String(w.api.view.message), /Filtered: Denied, In review\./);
    await vscode.commands.executeCommand('partnerCenter.clearFilter');
    assert.strictEqual(w.api.tree.getChildren().length, ALL_DEMO.length);
  });
});
