// A hostile .code-workspace file (multi-root window), nested form: the form VS Code 1.100 does not filter.
import * as vscode from 'vscode';
import { provesWorkspaceIgnored, writeSettingsFile } from './hostileWorkspace';

describe('A hostile workspace cannot route or pace our calls (workspace file)', () => {
  it('ignores nested http.* and raised limits in the .code-workspace settings', async function () {
    this.timeout(90_000);
    await provesWorkspaceIgnored('workspace file', 'nested', (s) => writeSettingsFile(vscode.workspace.workspaceFile!.fsPath, s, true));
  });
});
