// What is running or saved survives what happens around it: a settings change or a sign-out in the middle of a
// refresh, a hung request at sign-in or sign-out, a watcher verdict while a request is being sent, a corrupted
// saved book, an answer naming one qualification twice.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { parseQualifications } from '../../src/core/client/parseQualifications';
import { customerId } from '../../src/core/simulator/customers';
import { ChangeTracker } from '../../src/vscode/changes/changeTracker';
import { StatusBar } from '../../src/vscode/changes/statusBar';
import type { RequestOutcome } from '../../src/vscode/requests/requestQualification';
import { StatusStore } from '../../src/vscode/statusStore';
import { CustomersTree, Node } from '../../src/vscode/view/tree';
import { ALL_DEMO, DEMO_TENANTS, USER_CLIENT_ID, World, getWorld, setCustomers, signInApp, waitFor } from './helpers';

const rowsOf = (tree: CustomersTree, id: string): vscode.TreeItem[] => {
  const row = tree.getChildren().find((n) => n.kind === 'tenant' && n.tenant.tenantId === id);
  assert.ok(row, `row for ${id}`);
  return tree.getChildren(row).map((c) => tree.getTreeItem(c));
};
const within = <T>(what: string, p: Thenable<T>, ms: number): Promise<T> =>
  Promise.race([Promise.resolve(p), new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms))]);

describe('A running batch through settings changes and sign-out', () => {
  let w: World;
  const config = () => vscode.workspace.getConfiguration('partnerCenter');
  const failures = () => ALL_DEMO.flatMap((id) => {
    const f = w.api.store.book.get(id)?.failure;
    return f && f.at >= started ? [`${id}: ${f.message}`] : [];
  });
  let started = 0;

  before(async () => {
    w = await getWorld();
    await setCustomers(ALL_DEMO.map((tenantId) => ({ tenantId })));
    await waitFor('demo rows', () => w.api.tree.getChildren().length === ALL_DEMO.length);
    await signInApp(w);
    await w.api.refresher.refreshTenants(ALL_DEMO);
  });
  afterEach(async () => {
    w.sim.setLatency(0);
    w.sim.setGlobalFault(undefined);
    await config().update('maxRequestsPerMinute', undefined, vscode.ConfigurationTarget.Global);
    await config().update('maxConcurrentRequests', undefined, vscode.ConfigurationTarget.Global);
  });
  after(() => signInApp(w));

  /** A refresh of every demo tenant, two at a time at 300 ms each, with its first answers in: most are still to be sent. */
  // (the batch's promise is wrapped: an async function returning it would wait for the whole refresh)
  async function slowRefreshUnderWay(): Promise<{ refresh: ReturnType<typeof w.api.refresher.refreshTenants> }> {
    await config().update('maxConcurrentRequests', 2, vscode.ConfigurationTarget.Global);
    w.sim.setLatency(300);
    started = Date.now();
    const p = w.api.refresher.refreshTenants(ALL_DEMO);
    await waitFor('the first answers', () => w.sim.api.stats.log.some((l) => l.at >= started));
    return { refresh: p };
  }

  it('a settings change (maxRequestsPerMinute) mid-refresh lets the batch finish on its connection', async () => {
    const { refresh: p } = await slowRefreshUnderWay();
    await config().update('maxRequestsPerMinute', 450, vscode.ConfigurationTarget.Global);
    const report = await p;
    // the demo's three failing tenants fail as they always do; nothing fails because the connection was rebuilt
    assert.strictEqual(report.cancelled, 0);
    assert.deepStrictEqual(failures().filter((f) => /reach|DESTROYED|closed/i.test(f)), []);
    assert.strictEqual(report.failed, 3, failures().join('\n'));
  });

  it('Sign Out mid-refresh cancels it: the rows keep their answers, marked from before sign-out', async () => {
    const { refresh: p } = await slowRefreshUnderWay();
    await vscode.commands.executeCommand('partnerCenter.signOut');
    const report = await p;
    assert.ok(report.cancelled > 0, `cancelled ${report.cancelled}`);
    assert.deepStrictEqual(failures().filter((f) => /sign/i.test(f)), [], 'no row fails "Not signed in"');
    const approved = w.api.store.book.get(DEMO_TENANTS.approved);
    assert.strictEqual(approved?.signedOut, true);
    assert.strictEqual(approved?.lastGood?.qualifications[0]?.status, 'Approved');
    await signInApp(w);
  });

  it('a hung request blocks neither Sign In, nor a rebuild, nor Sign Out', async () => {
    w.sim.setCustomerFault(DEMO_TENANTS.approved, { fault: 'hang' });
    const cts = new vscode.CancellationTokenSource();
    try {
      const before = w.sim.api.stats.requests;
      const p = w.api.refresher.refreshTenants([DEMO_TENANTS.approved, DEMO_TENANTS.inReview], cts.token);
      await waitFor('the other tenant answered', () => w.sim.api.stats.requests > before);
      await within('Sign In', signInApp(w), 8000);
      await config().update('maxRequestsPerMinute', 400, vscode.ConfigurationTarget.Global);
      const r = await within('a refresh after the rebuild', w.api.refresher.refreshTenants([DEMO_TENANTS.denied]), 8000);
      assert.strictEqual(r.succeeded, 1);
      await within('Sign Out', vscode.commands.executeCommand('partnerCenter.signOut'), 8000);
      cts.cancel();
      await within('the hung refresh, cancelled', p, 8000);
    } finally {
      cts.dispose();
      w.sim.setCustomerFault(DEMO_TENANTS.approved, undefined);
    }
    await signInApp(w);
  });
});

describe('A watcher verdict recorded while a request is on its way', () => {
  const T = customerId(731);
  let w: World;
  const held = () => w.api.store.book.get(T)?.lastGood?.qualifications.map((q) => `${q.name} ${q.status}`).sort();

  before(async () => {
    w = await getWorld();
    w.sim.api.upsert({ tenantId: T, name: 'Wingtip Borough', qualifications: [{ qualification: 'GovernmentCommunityCloud', vettingStatus: 'InReview', vettingCreateDate: '2026-06-30T12:00:00Z' }] });
    await setCustomers([{ tenantId: T, name: 'Wingtip Borough' }]);
    assert.ok(await vscode.commands.executeCommand<boolean>('partnerCenter.signIn', { mode: 'user', flow: 'deviceCode', clientId: USER_CLIENT_ID, tenantId: w.sim.partnerTenantId }));
  });
  after(async () => {
    w.sim.setGlobalFault(undefined);
    w.sim.setCustomerFault(T, undefined);
    w.sim.api.customers.delete(T);
    await signInApp(w);
  });

  it('is kept when the request answers: the row is the current state plus what was requested', async () => {
    w.sim.setCustomerFault(T, { fault: 'latency', latencyMs: 1500, method: 'POST' });
    const gets = () => w.sim.api.stats.log.filter((l) => l.tenantId === T && l.method === 'GET').length;
    const before = gets();
    const request = vscode.commands.executeCommand<RequestOutcome>('partnerCenter.requestQualification', { confirm: false, tenantId: T, qualification: 'StateOwnedEntity' });
    await waitFor('the read before the request', () => gets() > before);
    // while the request is on its way, Partner Center approves GCC and a check (the watcher's) records it
    const c = w.sim.api.customers.get(T)!;
    c.qualifications = c.qualifications.map((e) => ({ ...e, vettingStatus: 'Approved' }));
    await w.api.refresher.refreshTenants([T]);
    assert.deepStrictEqual(held(), ['GovernmentCommunityCloud Approved']);
    // the read after the request comes late, so the row shows what the request path itself recorded
    w.sim.setGlobalFault({ fault: 'latency', latencyMs: 3000, method: 'GET' });
    const outcome = await request;
    assert.ok(outcome.ok, JSON.stringify(outcome));
    assert.deepStrictEqual(held(), ['GovernmentCommunityCloud Approved', 'StateOwnedEntity NotVetted']);
  });
});

describe('Saved state of the wrong shape', () => {
  const A = DEMO_TENANTS.approved;
  const B = DEMO_TENANTS.denied;

  before(async () => {
    await getWorld();
    await setCustomers([{ tenantId: A }, { tenantId: B }]);
  });

  it('is dropped per entry: the tree and the status bar do not throw', () => {
    const saved: Record<string, unknown> = {
      'partnerCenter.tenantStatus.v1': {
        [A]: { lastGood: { tenantId: A, qualifications: [null], checkedAt: 1 } },
        [B]: { lastGood: { tenantId: B, qualifications: [{ name: 'Education', status: 'Denied', reason: 'Not an Academic Domain' }], checkedAt: 1 } },
      },
      'partnerCenter.vettingHistory': { version: 1, tenants: { [A]: null } },
    };
    const memento: vscode.Memento = { get: (<T>(k: string) => saved[k] as T) as vscode.Memento['get'], update: async (k, v) => { saved[k] = v; }, keys: () => Object.keys(saved) };
    const store = new StatusStore(memento);
    const tree = new CustomersTree(store);
    const tracker = new ChangeTracker(memento, store);
    const bar = new StatusBar(store, tree, tracker, () => ({ count: 0 }));
    try {
      const walk = (node?: Node): void => {
        for (const child of tree.getChildren(node)) {
          tree.resolveTreeItem(tree.getTreeItem(child), child);
          walk(child);
        }
      };
      walk();
      bar.update();
      assert.match(String(bar.item.text), /\$\(error\) 1/);
      assert.match(String(rowsOf(tree, A)[0]!.label), /Not checked yet/);
      assert.strictEqual(rowsOf(tree, B)[0]!.label, 'Education');
    } finally {
      bar.dispose();
      tracker.dispose();
      tree.dispose();
      store.dispose();
    }
  });
});

describe('An answer naming one qualification twice', () => {
  it('gives each row its own id', async () => {
    const w = await getWorld();
    const T = DEMO_TENANTS.approved;
    await setCustomers([{ tenantId: T }]);
    await waitFor('the row', () => w.api.tree.getChildren().length === 1);
    const qualifications = parseQualifications(JSON.stringify([{ qualification: 'Education', vettingStatus: 'Approved' }, { qualification: 'education', vettingStatus: 'InReview' }]));
    w.api.store.succeeded({ tenantId: T, qualifications, checkedAt: Date.now() });
    const ids = rowsOf(w.api.tree, T).map((i) => i.id);
    assert.strictEqual(ids.length, 2);
    assert.strictEqual(new Set(ids).size, 2, ids.join(', '));
    // and the view shows them (VS Code refuses a tree with a repeated id)
    const row = w.api.tree.getChildren().find((n) => n.kind === 'tenant')!;
    await w.api.view.reveal(row, { expand: true });
  });
});
