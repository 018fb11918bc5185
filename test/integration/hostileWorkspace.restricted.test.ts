// The same attack in Restricted Mode (an untrusted folder), nested form.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { provesWorkspaceCannotSpend, provesWorkspaceIgnored, writeSettingsFile } from './hostileWorkspace';

describe('A hostile workspace cannot route or pace our calls (Restricted Mode)', () => {
  it('runs untrusted', () => assert.strictEqual(vscode.workspace.isTrusted, false));

  for (const form of ['nested', 'dotted'] as const) {
    it(`ignores ${form} http.* and raised limits in an untrusted folder`, async function () {
      this.timeout(90_000);
      const file = path.join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, '.vscode', 'settings.json');
      await provesWorkspaceIgnored('Restricted Mode', form, (s) => writeSettingsFile(file, s, false));
    });
  }
  // after the proxy tests: their pace check counts the requests of the last minute, which these add to
  for (const form of ['nested', 'dotted'] as const) {
    it(`cannot spend the request budget without the user in an untrusted folder (${form} autoRefresh.hours, watch.*)`, async function () {
      this.timeout(60_000);
      const file = path.join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, '.vscode', 'settings.json');
      await provesWorkspaceCannotSpend('Restricted Mode', form, (s) => writeSettingsFile(file, s, false));
    });
  }
});
