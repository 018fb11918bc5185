// What any installed extension gets from `activate()` in production: the versioned API only. A test run is
// in the Test extension mode (activate adds the internals the tests read), so this builds the production
// object with the same function activate uses, given a context whose mode is Production.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { PartnerCenterApi } from '../../src/start';
import type { PartnerCenterQualificationsApiV1 } from '../../src/vscode/api/publicApi';
import { DEMO_TENANTS, EXTENSION_ID, getWorld, setCustomers, signInApp, waitFor } from './helpers';

type Surface = (context: Partial<vscode.ExtensionContext>, view: vscode.TreeView<unknown>, api: () => PartnerCenterApi) => PartnerCenterQualificationsApiV1;

/** Strings, numbers, booleans, undefined, and arrays or plain objects of those: no function, class instance or getter. */
function plainData(v: unknown): boolean {
  if (v === undefined || ['string', 'number', 'boolean'].includes(typeof v)) return true;
  if (typeof v !== 'object' || v === null || ![Object.prototype, Array.prototype].includes(Object.getPrototypeOf(v))) return false;
  return Object.values(Object.getOwnPropertyDescriptors(v)).every((d) => !d.get && !d.set && plainData(d.value));
}

describe('The API other extensions get (production)', () => {
  it('holds the versioned API only: frozen, no getter, plain frozen data copies and a plain event payload', async function () {
    this.timeout(30_000);
    const w = await getWorld();
    await setCustomers([DEMO_TENANTS.approved, DEMO_TENANTS.inReview]);
    await signInApp(w);
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle VS Code activated
    const { surface } = require(path.join(ext.extensionPath, 'dist', 'extension.js')) as { surface: Surface };
    const build = (extensionMode: vscode.ExtensionMode) => surface({ extensionMode, logUri: w.api.logUri }, w.api.view, () => w.api);

    // the control: the test modes' object is the one the tests use, internals included
    for (const mode of [vscode.ExtensionMode.Test, vscode.ExtensionMode.Development]) {
      assert.strictEqual((build(mode) as PartnerCenterApi).refresher, w.api.refresher, `mode ${mode} keeps the test fields`);
    }
    const api = build(vscode.ExtensionMode.Production);
    assert.deepStrictEqual(Reflect.ownKeys(api).sort(), ['apiVersion', 'getQualifications', 'onDidChangeQualifications']);
    assert.strictEqual(Object.getPrototypeOf(api), Object.prototype);
    for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(api))) {
      assert.ok(!d.get && !d.set && 'value' in d, `${key} is a plain value, not an accessor`);
      assert.ok(!d.writable && !d.configurable, `${key} cannot be replaced`);
    }
    for (const key of ['tree', 'store', 'decorations', 'refresher', 'view', 'logUri', 'changes', 'connection']) assert.strictEqual((api as unknown as Record<string, unknown>)[key], undefined, key);

    // a plain, frozen copy: nothing to change, nothing behind it
    await w.api.refresher.refreshTenants([DEMO_TENANTS.approved]);
    const q = api.getQualifications(DEMO_TENANTS.approved)!;
    assert.strictEqual(q.state, 'Approved');
    assert.ok(plainData(q), `plain data only: ${JSON.stringify(q)}`);
    assert.ok(Object.isFrozen(q) && Object.isFrozen(q.qualifications) && q.qualifications.every(Object.isFrozen));
    assert.throws(() => { (q as { state: string }).state = 'Denied'; }, TypeError);
    assert.notStrictEqual(api.getQualifications(DEMO_TENANTS.approved), q, 'a fresh copy each call');

    // the event's payload is the changed ids, and nothing else
    const seen: unknown[] = [];
    const sub = api.onDidChangeQualifications((e) => seen.push(e));
    try {
      await w.api.refresher.refreshTenants([DEMO_TENANTS.inReview]);
      const e = await waitFor('a change event', () => seen[0] as { tenantIds: readonly string[] } | undefined);
      assert.deepStrictEqual(Reflect.ownKeys(e), ['tenantIds']);
      assert.ok(Object.isFrozen(e) && Object.isFrozen(e.tenantIds));
      assert.ok(e.tenantIds.includes(DEMO_TENANTS.inReview) && e.tenantIds.every((id) => typeof id === 'string'));
    } finally {
      sub.dispose();
    }
  });
});
