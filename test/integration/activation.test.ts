import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'csp-tools.partner-center-qualifications';

describe('activation', () => {
  it('activates in a real VS Code extension host', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension is installed');
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
    console.log(`vscode.version=${vscode.version} node=${process.versions.node} uiKind=${vscode.env.uiKind}`);
  });

  it('contributes its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('partnerCenter.showLog'));
  });
});
