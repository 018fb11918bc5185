// A hostile folder settings file in a trusted single-folder window, in both forms (see hostileWorkspace.ts).
import * as path from 'path';
import * as vscode from 'vscode';
import { provesWorkspaceCannotSpend, provesWorkspaceIgnored, writeSettingsFile } from './hostileWorkspace';

describe('A hostile workspace cannot route or pace our calls (folder settings)', () => {
  const file = () => path.join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, '.vscode', 'settings.json');
  for (const form of ['nested', 'dotted'] as const) {
    it(`ignores ${form} http.* and raised limits in .vscode/settings.json`, async function () {
      this.timeout(90_000);
      await provesWorkspaceIgnored('folder settings', form, (s) => writeSettingsFile(file(), s, false));
    });
  }
  // after the proxy tests: their pace check counts the requests of the last minute, which these add to
  for (const form of ['nested', 'dotted'] as const) {
    it(`cannot spend the request budget without the user (${form} autoRefresh.hours, watch.*)`, async function () {
      this.timeout(60_000);
      await provesWorkspaceCannotSpend('folder settings', form, (s) => writeSettingsFile(file(), s, false));
    });
  }
});
