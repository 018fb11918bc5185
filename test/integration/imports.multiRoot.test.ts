// Runs in the multi-root window after folders.multiRoot: Import Customers writes the folder's own settings
// file, in one edit, as Add Tenant does.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { DEMO_TENANTS, getWorld, signInApp } from './helpers';
import type { ImportReport } from '../../src/vscode/customers/importCustomers';

describe('Multi-root workspace: Import Customers', () => {
  const root = path.dirname(vscode.workspace.workspaceFile!.fsPath);
  const settingsOf = (folder: string) => JSON.parse(fs.readFileSync(path.join(root, folder, '.vscode', 'settings.json'), 'utf8'))['partnerCenter.customers'];

  it('writes the chosen customers to the chosen folder\'s settings file only', async () => {
    const w = await getWorld();
    await signInApp(w);
    const alpha = vscode.workspace.workspaceFolders!.find((f) => f.name === 'alpha')!;
    const alphaBefore = settingsOf('alpha');
    const betaBefore = settingsOf('beta');
    // the nonprofit is listed by the gamma folder already: marked in the pick, not written twice
    const r = await vscode.commands.executeCommand<ImportReport>('partnerCenter.importCustomers', { select: [DEMO_TENANTS.nonprofit, DEMO_TENANTS.none, DEMO_TENANTS.noneEntry], folder: alpha });
    assert.strictEqual(r.written, 2);
    assert.deepStrictEqual(settingsOf('alpha'), [...alphaBefore, { tenantId: DEMO_TENANTS.none, name: 'Adventure Works' }, { tenantId: DEMO_TENANTS.noneEntry, name: 'Litware' }]);
    assert.deepStrictEqual(settingsOf('beta'), betaBefore);
  });
});
