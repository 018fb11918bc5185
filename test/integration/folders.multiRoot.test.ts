// Runs in a multi-root window (test/fixtures/multi-root): tenants grouped by folder, each folder's own
// setting edited by Add/Remove, a folder added while the window is open.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { DEMO_TENANTS, getWorld, signInApp, waitFor } from './helpers';
import { tenantUri, type Node } from '../../src/vscode/view/tree';

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : item.label?.label ?? '');

describe('Multi-root workspace', () => {
  const root = path.dirname(vscode.workspace.workspaceFile!.fsPath);
  const settingsOf = (folder: string) => JSON.parse(fs.readFileSync(path.join(root, folder, '.vscode', 'settings.json'), 'utf8'))['partnerCenter.customers'];

  /** Root rows as { group label: child labels }. */
  async function groups(): Promise<Record<string, string[]>> {
    const { api } = await getWorld();
    const out: Record<string, string[]> = {};
    for (const g of api.tree.getChildren()) out[label(api.tree.getTreeItem(g))] = api.tree.getChildren(g).map((n) => label(api.tree.getTreeItem(n)));
    return out;
  }

  it('groups tenants by folder, with the workspace file\'s tenants in their own group, each listed once', async () => {
    assert.strictEqual(vscode.workspace.workspaceFolders?.length, 2);
    const { api } = await getWorld();
    const top = api.tree.getChildren();
    assert.deepStrictEqual(top.map((n) => n.kind), ['folder', 'folder', 'folder']);
    assert.deepStrictEqual(await groups(), {
      [vscode.workspace.name!]: ['Contoso University'],
      alpha: ['entry 2: "not-a-guid" is not a tenant id (GUID) or a domain', 'Fabrikam School District'],
      beta: ['00000000-0000-4000-8000-000000000001', 'Northwind Traders'],
    });
    const alpha = api.tree.getChildren(top[1]).find((n) => n.kind === 'tenant')!;
    assert.deepStrictEqual(top.map((n) => api.tree.getTreeItem(n).description), ['1 tenant', '1 tenant · 1 to fix', '2 tenants']);
    assert.strictEqual((api.tree.getParent(alpha) as Extract<Node, { kind: 'folder' }>).group.folder?.name, 'alpha');
  });

  it('a warning row opens its folder\'s settings file with the entry selected', async () => {
    const { api } = await getWorld();
    const alphaGroup = api.tree.getChildren().find((n) => n.kind === 'folder' && n.group.folder?.name === 'alpha')!;
    const problem = api.tree.getChildren(alphaGroup).find((n) => n.kind === 'problem')!;
    const item = api.tree.getTreeItem(problem);
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const editor = await waitFor('alpha\'s settings file', () => vscode.window.activeTextEditor?.document.uri.fsPath === path.join(root, 'alpha', '.vscode', 'settings.json') && vscode.window.activeTextEditor);
    assert.strictEqual(editor.document.getText(editor.selection), '"not-a-guid"');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('refreshes every folder\'s tenants, a tenant listed twice once, and decorates them', async () => {
    const w = await getWorld();
    await signInApp(w);
    const before = w.sim.api.stats.log.length;
    const report = await w.api.refresher.refreshAll();
    assert.deepStrictEqual([report.succeeded, report.failed], [3, 0]);
    assert.strictEqual(w.sim.api.stats.log.length - before, 3, 'one qualifications call per distinct tenant');
    // the tenant beta lists by bare id gets its company name (one directory call, besides the 3 above)
    assert.deepStrictEqual(w.sim.api.stats.directory.map((d) => [d.route, d.tenantId]), [['customer', DEMO_TENANTS.approved]]);
    const badge = (id: string) => (w.api.decorations.provideFileDecoration(tenantUri(id), new vscode.CancellationTokenSource().token) as vscode.FileDecoration | undefined)?.badge;
    assert.deepStrictEqual([DEMO_TENANTS.approved, DEMO_TENANTS.inReview, DEMO_TENANTS.denied].map(badge), ['A', 'R', 'D']);
    await waitFor('counts of distinct tenants', () => /^1 approved · 1 in review · 1 denied\./.test(w.api.view.message ?? ''));
  });

  it('adds to and removes from the folder\'s own settings file', async () => {
    const { api } = await getWorld();
    const beta = vscode.workspace.workspaceFolders!.find((f) => f.name === 'beta')!;
    await vscode.commands.executeCommand('partnerCenter.addTenant', { tenantId: DEMO_TENANTS.stateOwnedGcc, name: 'City of Tailspin', folder: beta });
    assert.deepStrictEqual(settingsOf('beta').at(-1), { tenantId: DEMO_TENANTS.stateOwnedGcc, name: 'City of Tailspin' });
    await waitFor('new row under beta', async () => (await groups()).beta?.includes('City of Tailspin'));

    const alphaGroup = api.tree.getChildren().find((n) => n.kind === 'folder' && n.group.folder?.name === 'alpha')!;
    const fabrikam = api.tree.getChildren(alphaGroup).find((n) => n.kind === 'tenant')!;
    assert.strictEqual(await vscode.commands.executeCommand('partnerCenter.removeTenant', fabrikam), true);
    assert.deepStrictEqual(settingsOf('alpha'), ['not-a-guid']);
    assert.deepStrictEqual(settingsOf('beta').length, 3, 'other folders untouched');
    await waitFor('row gone from alpha', async () => (await groups()).alpha?.length === 1);
  });

  it('shows a folder added while the window is open', async () => {
    const gamma = vscode.Uri.file(path.join(root, 'gamma'));
    const added = new Promise((r) => { const d = vscode.workspace.onDidChangeWorkspaceFolders(() => { d.dispose(); r(undefined); }); });
    assert.ok(vscode.workspace.updateWorkspaceFolders(vscode.workspace.workspaceFolders!.length, 0, { uri: gamma }));
    await added;
    const g = await waitFor('gamma group', async () => (await groups()).gamma);
    assert.deepStrictEqual(g, ['Woodgrove Charity']);
    await vscode.commands.executeCommand('workbench.view.extension.partnerCenter');
    const { api } = await getWorld();
    for (const n of api.tree.getChildren()) await api.view.reveal(n, { expand: true, select: false, focus: false });
    if (process.env.PCQ_ARTIFACTS) {
      const shot = path.join(process.env.PCQ_ARTIFACTS, 'multi-root.png');
      fs.rmSync(shot, { force: true });
      console.log(`@@screenshot ${shot}`);
      await waitFor('screenshot', () => fs.existsSync(shot));
    }
  });
});
