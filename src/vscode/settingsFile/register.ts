// Open Settings: from a warning row, the settings file that holds the bad entry (folder, workspace or user
// settings) with the entry selected; otherwise the Settings UI filtered to this extension.
import * as vscode from 'vscode';
import { locateEntry } from '../../core/settings/locateEntry';
import { SECTION } from '../settings';
import { Node } from '../view/tree';

/** A warning row: a bad entry, or a domain entry (unresolved, unknown, ambiguous, of a listed tenant). */
type EntryNode = Extract<Node, { kind: 'problem' | 'domain' }>;
const entryIndex = (node: EntryNode) => (node.kind === 'problem' ? node.problem.index : node.entry.index);

export function registerOpenSettings(extensionId: string): vscode.Disposable {
  return vscode.commands.registerCommand('partnerCenter.openSettings', async (node?: Node) => {
    if (node?.kind === 'problem' || node?.kind === 'domain') return openEntry(node);
    return vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${extensionId}`);
  });
}

/** The file whose partnerCenter.customers the tree read this entry from (undefined: user settings). */
function fileOf(node: EntryNode): vscode.Uri | undefined {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const settingsJson = (f: vscode.WorkspaceFolder) => vscode.Uri.joinPath(f.uri, '.vscode', 'settings.json');
  const workspaceFile = vscode.workspace.workspaceFile?.scheme === 'file' ? vscode.workspace.workspaceFile : undefined;
  const folder = node.folder ?? folders[0];
  const inspected = vscode.workspace.getConfiguration(SECTION, folder?.uri).inspect('customers');
  // the most specific scope that has a value is the one the tree read (see readCustomers)
  if (workspaceFile) {
    if (node.folder && inspected?.workspaceFolderValue !== undefined) return settingsJson(node.folder);
    return inspected?.workspaceValue !== undefined ? workspaceFile : undefined;
  }
  return folder && inspected?.workspaceValue !== undefined ? settingsJson(folder) : undefined;
}

async function openEntry(node: EntryNode): Promise<void> {
  const uri = fileOf(node);
  let editor: vscode.TextEditor | undefined;
  if (uri && uri.scheme !== 'untitled') {
    editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  } else {
    await vscode.commands.executeCommand('workbench.action.openSettingsJson');
    editor = vscode.window.activeTextEditor;
  }
  if (!editor) return;
  const range = locateEntry(editor.document.getText(), `${SECTION}.customers`, entryIndex(node));
  if (!range) return;
  const selection = new vscode.Selection(editor.document.positionAt(range.start), editor.document.positionAt(range.end));
  editor.selection = selection;
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
