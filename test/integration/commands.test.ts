import * as assert from 'assert';
import * as vscode from 'vscode';
import { DEMO_TENANTS, World, getWorld, setCustomers, signInApp, waitFor } from './helpers';
import type { QualificationsResult } from '../../src/core/model/qualification';

const configured = () => vscode.workspace.getConfiguration('partnerCenter').inspect<unknown[]>('customers')?.workspaceValue ?? [];

describe('Commands', () => {
  let w: World;
  before(async () => {
    w = await getWorld();
    await signInApp(w);
    await setCustomers([DEMO_TENANTS.approved]);
  });

  it('contributes every command under the "Partner Center" category', async () => {
    const pkg = vscode.extensions.getExtension('csp-tools.partner-center-qualifications')!.packageJSON as { contributes: { commands: { command: string; category: string }[] } };
    const all = await vscode.commands.getCommands(true);
    for (const c of pkg.contributes.commands) {
      assert.strictEqual(c.category, 'Partner Center');
      assert.ok(all.includes(c.command), `${c.command} registered`);
    }
    for (const name of ['signIn', 'signOut', 'refreshAll', 'refreshTenant', 'lookUp', 'addTenant', 'removeTenant', 'copyTenantId', 'showLog', 'openSettings']) {
      assert.ok(all.includes(`partnerCenter.${name}`), name);
    }
  });

  it('Look Up shows any tenant without adding it', async () => {
    const r = await vscode.commands.executeCommand<QualificationsResult>('partnerCenter.lookUp', DEMO_TENANTS.denied);
    assert.strictEqual(r.qualifications[0]?.status, 'Denied');
    assert.deepStrictEqual(configured(), [DEMO_TENANTS.approved]);
  });

  it('Add Tenant writes the workspace setting and the tree follows; Remove Tenant takes it out', async () => {
    const id = await vscode.commands.executeCommand<string>('partnerCenter.addTenant', { tenantId: DEMO_TENANTS.inReview.toUpperCase(), name: 'Fabrikam' });
    assert.strictEqual(id, DEMO_TENANTS.inReview);
    assert.deepStrictEqual(configured(), [DEMO_TENANTS.approved, { tenantId: DEMO_TENANTS.inReview, name: 'Fabrikam' }]);
    const node = await waitFor('new row', () => w.api.tree.getChildren().find((n) => n.kind === 'tenant' && n.tenant.tenantId === DEMO_TENANTS.inReview));
    await vscode.commands.executeCommand('partnerCenter.copyTenantId', node);
    assert.strictEqual(await vscode.env.clipboard.readText(), DEMO_TENANTS.inReview);
    assert.strictEqual(await vscode.commands.executeCommand('partnerCenter.removeTenant', node), true);
    assert.deepStrictEqual(configured(), [DEMO_TENANTS.approved]);
    await waitFor('row gone', () => w.api.tree.getChildren().length === 1);
  });
});
