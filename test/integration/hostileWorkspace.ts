// The attack of a workspace someone clones and opens: its settings (folder file, workspace file; dotted or
// nested form; trusted or Restricted Mode) name a proxy that would see the sign-in and the bearer token,
// turn certificate checks off and raise the request limits. Shared by the suites of each window kind.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { DEMO_TENANTS, World, getWorld, signInApp, waitFor } from './helpers';
import { startConnectProxy } from '../support/connectProxy';
import { startTlsTerminatingProxy } from '../support/tlsTerminatingProxy';

export type Form = 'dotted' | 'nested';
export const HOSTILE_TENANTS = [DEMO_TENANTS.approved, DEMO_TENANTS.inReview, DEMO_TENANTS.denied, DEMO_TENANTS.stateOwnedGcc, DEMO_TENANTS.none];

/** The hostile values, written in either form. */
export function hostileSettings(form: Form, proxy: string): Record<string, unknown> {
  const http = { proxy, proxyStrictSSL: false, noProxy: [] as string[] };
  const partnerCenter = { customers: HOSTILE_TENANTS, maxRequestsPerMinute: 6000, maxConcurrentRequests: 64 };
  if (form === 'nested') return { http, partnerCenter };
  const flat: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(http)) flat[`http.${k}`] = v;
  for (const [k, v] of Object.entries(partnerCenter)) flat[`partnerCenter.${k}`] = v;
  return flat;
}

/** Writes `settings` into a settings file (a folder's settings.json, or a .code-workspace's "settings"); returns the undo. */
export function writeSettingsFile(file: string, settings: Record<string, unknown>, inWorkspaceFile: boolean): () => void {
  const before = fs.readFileSync(file, 'utf8');
  const json = inWorkspaceFile ? { ...JSON.parse(before), settings } : settings;
  fs.writeFileSync(file, JSON.stringify(json, null, 2));
  return () => fs.writeFileSync(file, before);
}

const G = vscode.ConfigurationTarget.Global;
const userHttp = () => vscode.workspace.getConfiguration('http');
const userPc = () => vscode.workspace.getConfiguration('partnerCenter');

/**
 * One attack, end to end: the workspace's values are ignored (no tunnel, nothing decrypted, sign-in and
 * refresh reach the user's endpoint, the pace stays the user's), the view names what was ignored, and the
 * same proxy set in user settings is used (the positive control that makes the zero meaningful).
 */
export async function provesWorkspaceIgnored(where: string, form: Form, write: (settings: Record<string, unknown>) => () => void): Promise<void> {
  const w = await getWorld();
  const tunnelProxy = await startConnectProxy();
  const mitm = await startTlsTerminatingProxy();
  // the dotted form names the recording CONNECT proxy, the nested form the TLS-terminating one
  const proxyUrl = form === 'dotted' ? tunnelProxy.url : mitm.url;
  const seen = () => tunnelProxy.seen.length + mitm.tunnels.length + mitm.decrypted.length;
  // the request budget is one per window and outlives the connection rebuilds of earlier tests: the user's
  // limit leaves room for one request on top of those the service saw in the last minute (and a margin)
  // (the gate counts every attempt it let out, some of which never reached the simulator's log: use the larger)
  const simulated = [...w.sim.api.stats.log, ...w.sim.api.stats.directory].filter((l) => l.at > Date.now() - 62_000).length;
  const connection = (w.api.refresher as unknown as { connection: { get(interactive: boolean): Promise<{ gate: { inWindow(): number } }> } }).connection;
  const gated = await connection.get(false).then((live) => live.gate.inWindow(), () => 0);
  const recent = Math.max(simulated, gated);
  await userPc().update('maxRequestsPerMinute', recent + 1, G);
  const undo = write(hostileSettings(form, proxyUrl));
  try {
    // the nested form is noticed too: the tree lists the workspace's tenants
    await waitFor('the workspace tenants in the tree', () => HOSTILE_TENANTS.every((t) => w.api.tree.tenantIds.includes(t)), 15_000);
    const visible = vscode.workspace.getConfiguration('http').get('proxy') === proxyUrl;
    console.log(`[${where}, ${form}] VS Code ${vscode.version}: the workspace's http.proxy is ${visible ? 'VISIBLE' : 'filtered'} through getConfiguration().get(); the extension must ignore it either way`);
    // where VS Code itself drops the workspace's value (application scope) there is nothing left to name
    if (visible) await waitFor('the view naming the ignored values', () => /http\.proxy\b/.test(w.api.view.message ?? '') && /http\.proxyStrictSSL/.test(w.api.view.message ?? ''));

    const tokens = w.sim.identity.tokenRequests;
    await signInApp(w);
    assert.ok(w.sim.identity.tokenRequests > tokens, 'sign-in reached the user\'s authority');

    // the pace is the user's budget, not the workspace's 6000/min and 64 at once (which would send all five)
    const from = w.sim.api.stats.log.length;
    const cancel = new vscode.CancellationTokenSource();
    const timer = setTimeout(() => cancel.cancel(), 3000);
    const report = await w.api.refresher.refreshTenants(HOSTILE_TENANTS, cancel.token);
    clearTimeout(timer);
    const sent = w.sim.api.stats.log.length - from;
    assert.ok(report.succeeded >= 1, `the refresh reached the user's endpoint (budget ${recent + 1}: ${simulated} seen by the simulator, ${gated} by the gate in the last minute; ${JSON.stringify(report)})`);
    assert.ok(sent < HOSTILE_TENANTS.length, `${sent} requests in 3 s: the workspace raised the pace`);
    assert.ok(report.cancelled >= 1, 'the rest waited for the user\'s budget');
    assert.strictEqual(seen(), 0, `the workspace's proxy saw ${JSON.stringify({ tunnels: tunnelProxy.seen, mitm: mitm.tunnels, decrypted: mitm.decrypted.map((d) => d.path) })}`);

    // positive control: the same proxy from the user's own settings is used
    await userPc().update('maxRequestsPerMinute', undefined, G);
    await userHttp().update('proxy', proxyUrl, G);
    await userHttp().update('proxyStrictSSL', false, G);
    await w.api.refresher.refreshTenants([DEMO_TENANTS.approved]);
    if (form === 'dotted') assert.ok(tunnelProxy.seen.length >= 1, 'the user\'s proxy carried the call');
    // the rebuilt connection signs in again through it: the proxy decrypts the sign-in's first call
    else assert.ok(mitm.decrypted.some((d) => /openid-configuration|token/.test(d.path) || /^Bearer /.test(d.authorization ?? '')), 'the user\'s (TLS-terminating) proxy read the sign-in');
  } finally {
    undo();
    for (const k of ['proxy', 'proxyStrictSSL']) await userHttp().update(k, undefined, G);
    await userPc().update('maxRequestsPerMinute', undefined, G);
    await tunnelProxy.close();
    await mitm.close();
    await waitFor('the workspace values gone', () => !/http\.proxy/.test(w.api.view.message ?? ''), 15_000);
  }
}

export type { World };

/** A tiny auto refresh interval (3.6 s): every tenant of the test is due by then, whatever checked it before. */
const SOON_HOURS = 0.001;

/**
 * A workspace cannot make the extension spend the partner's request budget without a user action: its
 * `autoRefresh.hours` and `watch.enabled: true` (over the user's `false`) are ignored and named in the view,
 * and showing the view sends nothing; the same hours from user settings do refresh (the positive control).
 */
export async function provesWorkspaceCannotSpend(where: string, form: Form, write: (settings: Record<string, unknown>) => () => void): Promise<void> {
  const w = await getWorld();
  await signInApp(w);
  await userPc().update('watch.enabled', false, G);
  const spending = { 'autoRefresh.hours': SOON_HOURS, 'watch.enabled': true, 'watch.intervalMinutes': 15 };
  const settings = form === 'dotted'
    ? { 'partnerCenter.customers': HOSTILE_TENANTS, ...Object.fromEntries(Object.entries(spending).map(([k, v]) => [`partnerCenter.${k}`, v])) }
    : { partnerCenter: { customers: HOSTILE_TENANTS, autoRefresh: { hours: SOON_HOURS }, watch: { enabled: true, intervalMinutes: 15 } } };
  const undo = write(settings);
  try {
    await waitFor('the workspace tenants in the tree', () => HOSTILE_TENANTS.every((t) => w.api.tree.tenantIds.includes(t)), 15_000);
    await waitFor(`the view naming the ignored values (now "${w.api.view.message}")`, () => ['autoRefresh.hours', 'watch.enabled', 'watch.intervalMinutes'].every((k) => w.api.view.message?.includes(`partnerCenter.${k}`)), 15_000);
    const checkedAt = (id: string) => Math.max(w.api.store.book.get(id)?.lastGood?.checkedAt ?? 0, w.api.store.book.get(id)?.failure?.at ?? 0);
    await waitFor('every tenant due by the workspace\'s hours', () => HOSTILE_TENANTS.every((id) => checkedAt(id) < Date.now() - SOON_HOURS * 3_600_000 - 100), 10_000);

    const from = w.sim.api.stats.log.length;
    assert.strictEqual(await w.api.changes.autoRefresh(), 0, `[${where}, ${form}] the workspace's autoRefresh.hours started a refresh`);
    assert.strictEqual(w.sim.api.stats.log.length, from, 'no request without a user action');

    // positive control: the same hours from the user's settings refresh every due tenant
    await userPc().update('autoRefresh.hours', SOON_HOURS, G);
    assert.strictEqual(await w.api.changes.autoRefresh(), HOSTILE_TENANTS.length);
    assert.ok(w.sim.api.stats.log.length >= from + HOSTILE_TENANTS.length, 'the user\'s auto refresh reached the service');
    await userPc().update('autoRefresh.hours', undefined, G);

    // an In Review tenant to watch, and the user has watching off: the workspace cannot turn it on
    await w.api.changes.watcher.evaluate();
    const status = w.api.changes.watcher.status();
    assert.ok(status.count >= 1, 'an In Review tenant to watch');
    assert.strictEqual(status.off, 'disabled', 'the workspace\'s watch.enabled turned watching on');
    assert.strictEqual(w.api.changes.watcher.running, false);
  } finally {
    undo();
    for (const k of ['watch.enabled', 'autoRefresh.hours']) await userPc().update(k, undefined, G);
    await waitFor('the workspace values gone', () => !/autoRefresh\.hours/.test(w.api.view.message ?? ''), 15_000);
  }
}
