// Add Tenant, Look Up Qualification: edits go to the customers setting of the folder (or workspace) the
// tenant belongs to (Remove Tenant: ./removeTenant).
import * as vscode from 'vscode';
import { ConfiguredTenant } from '../core/model/customerEntries';
import { QualificationsResult } from '../core/model/qualification';
import { normalizeTenantId } from '../core/model/tenantId';
import { abortSignalOf } from './cancellation';
import { Connection } from './connection';
import { statusLabel, formatDate } from './presentation';
import { SECTION } from './settings';
import { StatusStore } from './statusStore';
import { CustomersTree } from './tree';
import { showFailure } from './userMessages';

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined | null> {
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

export function describeResult(r: QualificationsResult): string {
  if (r.qualifications.length === 0) return vscode.l10n.t('no qualification');
  return r.qualifications.map((q) => [q.name, statusLabel(q.status, q.rawStatus), q.reason, formatDate(q.createdAt)].filter(Boolean).join(' · ')).join('; ');
}

export async function lookUp(connection: Connection, tree: CustomersTree, store: StatusStore, arg?: string): Promise<QualificationsResult | undefined> {
  const tenantId = arg ? normalizeTenantId(arg) : await pickTenant(tree.tenants);
  if (!tenantId) {
    if (arg) void vscode.window.showErrorMessage(vscode.l10n.t('"{0}" is not a tenant id (GUID).', arg));
    return undefined;
  }
  const configured = tree.tenants.find((t) => t.tenantId === tenantId);
  try {
    const live = await connection.get();
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Looking up {0}', configured?.name ?? tenantId), cancellable: true },
      async (_p, token) => {
        const abort = abortSignalOf(token);
        try { return await live.runner.fetchOne(tenantId, { signal: abort.signal }); } finally { abort.dispose(); }
      },
    );
    if (configured) store.succeeded(result);
    const add = vscode.l10n.t('Add to Workspace');
    void vscode.window.showInformationMessage(`${configured?.name ?? tenantId}: ${describeResult(result)}`, ...(configured ? [] : [add]))
      .then((pick) => pick === add && vscode.commands.executeCommand('partnerCenter.addTenant', { tenantId }));
    return result;
  } catch (e) {
    void showFailure(e, configured?.name ?? tenantId);
    return undefined;
  }
}

async function pickTenant(tenants: ConfiguredTenant[]): Promise<string | undefined> {
  const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { tenantId?: string }>();
  qp.title = vscode.l10n.t('Partner Center: Look Up Qualification');
  qp.placeholder = vscode.l10n.t('Pick a tenant or type any tenant id');
  qp.matchOnDescription = true;
  const base = tenants.map((t) => ({ label: t.name ?? t.tenantId, description: t.name ? t.tenantId : undefined, tenantId: t.tenantId }));
  qp.items = base;
  qp.onDidChangeValue((v) => {
    const id = normalizeTenantId(v);
    qp.items = id && !tenants.some((t) => t.tenantId === id) ? [{ label: `$(search) ${vscode.l10n.t('Look up {0}', id)}`, tenantId: id, alwaysShow: true }, ...base] : base;
  });
  return new Promise((resolve) => {
    qp.onDidAccept(() => { resolve(qp.selectedItems[0]?.tenantId ?? normalizeTenantId(qp.value)); qp.hide(); });
    qp.onDidHide(() => { resolve(undefined); qp.dispose(); });
    qp.show();
  });
}
