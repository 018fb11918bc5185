// Add Tenant: edits go to the customers setting of the folder (or workspace) the tenant belongs to
// (Look Up: ./lookUp; Remove Tenant: ../removeTenant).
import * as vscode from 'vscode';
import { normalizeTenantId } from '../../core/model/tenantId';
import { SECTION } from '../settings';
import { CustomersTree } from '../view/tree';

export async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined | null> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return (await vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Add the tenant to which folder?') })) ?? null;
}

function targetOf(folder: vscode.WorkspaceFolder | undefined): vscode.ConfigurationTarget {
  if (!vscode.workspace.workspaceFolders?.length) return vscode.ConfigurationTarget.Global;
  return (vscode.workspace.workspaceFolders.length > 1 && folder) ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace;
}

export function settingAt(folder: vscode.WorkspaceFolder | undefined): { config: vscode.WorkspaceConfiguration; target: vscode.ConfigurationTarget; entries: unknown[] } {
  const config = vscode.workspace.getConfiguration(SECTION, folder?.uri);
  const target = targetOf(folder);
  const i = config.inspect<unknown[]>('customers');
  const value = target === vscode.ConfigurationTarget.WorkspaceFolder ? i?.workspaceFolderValue : target === vscode.ConfigurationTarget.Workspace ? i?.workspaceValue : i?.globalValue;
  return { config, target, entries: Array.isArray(value) ? [...value] : [] };
}

export interface AddTenantArgs { readonly tenantId?: string; readonly name?: string; readonly folder?: vscode.WorkspaceFolder }

export async function addTenant(tree: CustomersTree, args: AddTenantArgs = {}): Promise<string | undefined> {
  const raw = args.tenantId ?? (await vscode.window.showInputBox({
    title: vscode.l10n.t('Partner Center: Add Tenant'), prompt: vscode.l10n.t('Customer tenant id (GUID)'), ignoreFocusOut: true,
    validateInput: (v) => {
      const id = normalizeTenantId(v);
      if (!id) return vscode.l10n.t('A tenant id is a GUID, e.g. 0b8a6f2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b.');
      return tree.tenants.some((t) => t.tenantId === id) ? vscode.l10n.t('This tenant is already in the list.') : undefined;
    },
  }));
  const tenantId = normalizeTenantId(raw);
  if (!tenantId) return undefined;
  const name = args.tenantId !== undefined ? args.name : await vscode.window.showInputBox({ title: vscode.l10n.t('Partner Center: Add Tenant'), prompt: vscode.l10n.t('Display name (optional)'), ignoreFocusOut: true });
  if (name === undefined && args.tenantId === undefined) return undefined;
  const folder = args.folder ?? (await pickFolder());
  if (folder === null) return undefined;
  const { config, target, entries } = settingAt(folder);
  entries.push(name?.trim() ? { tenantId, name: name.trim() } : tenantId);
  await config.update('customers', entries, target);
  return tenantId;
}
