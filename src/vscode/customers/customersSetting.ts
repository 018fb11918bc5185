// Add Tenant (a tenant id or a domain, as the setting takes them): edits go to the customers setting of the folder (or workspace) the tenant belongs to
// (Look Up: ./lookUp; Remove Tenant: ../removeTenant).
import * as vscode from 'vscode';
import { askText, showError } from '../display/window';
import { l10n } from '../display/l10n';
import { plainText } from '../../core/display/safeText';
import { normalizeDomain } from '../../core/model/customerEntries';
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

export interface AddTenantArgs {
  /** A tenant id (GUID) or a domain, as the customers setting takes them. */
  readonly tenantId?: string;
  readonly domain?: string;
  readonly name?: string;
  readonly folder?: vscode.WorkspaceFolder;
}

/** Looks a domain up before it is written (when signed in): why it cannot be added, or undefined. */
export type DomainCheck = (domain: string) => Promise<string | undefined>;

export type TenantEntry = { readonly tenantId: string; readonly domain?: undefined } | { readonly domain: string; readonly tenantId?: undefined };

/** A tenant id or a domain, checked the way the customers setting is parsed (customerEntries.ts). */
export function tenantEntryOf(input: unknown): TenantEntry | undefined {
  const tenantId = normalizeTenantId(input);
  if (tenantId) return { tenantId };
  const domain = normalizeDomain(input);
  return domain ? { domain } : undefined;
}

/** Why Add Tenant cannot take this input, or undefined when it can. */
export function addTenantProblem(tree: Pick<CustomersTree, 'tenants' | 'domainEntries' | 'described' | 'displayName'>, input: string): string | undefined {
  const entry = tenantEntryOf(input);
  if (!entry) {
    const shown = input.trim().length > 48 ? `${input.trim().slice(0, 45)}...` : input.trim();
    return shown
      ? vscode.l10n.t('"{0}" is not a tenant id (a GUID, e.g. 0b8a6f2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b) or a domain (e.g. contoso.onmicrosoft.com).', shown)
      : vscode.l10n.t('Enter a tenant id (a GUID) or a domain, e.g. contoso.onmicrosoft.com.');
  }
  const { tenantId, domain } = entry;
  if (domain === undefined) return tree.tenants.some((t) => t.tenantId === tenantId) ? vscode.l10n.t('This tenant is already in the list.') : undefined;
  if (tree.domainEntries.some((d) => d.domain === domain)) return vscode.l10n.t('The domain {0} is already in the list.', domain);
  // the customer directory may know the domain of a tenant listed by id (look-up, import, names read)
  const same = tree.tenants.find((t) => tree.described(t).domain === domain);
  return same ? vscode.l10n.t('{0} is the domain of {1}, already in the list.', domain, tree.displayName(same)) : undefined;
}

/** Writes a tenant id or a domain (with its display name) to the customers setting; returns the id or domain written. */
export async function addTenant(tree: CustomersTree, args: AddTenantArgs = {}, checkDomain?: DomainCheck): Promise<string | undefined> {
  const scripted = args.tenantId ?? args.domain;
  const raw = scripted ?? (await askText({
    title: l10n.t('Partner Center: Add Tenant'), prompt: l10n.t('Customer tenant id (GUID) or domain, e.g. contoso.onmicrosoft.com'), ignoreFocusOut: true,
    validateInput: (v) => { const p = addTenantProblem(tree, v); return p === undefined ? undefined : plainText(p); },
  }));
  if (raw === undefined) return undefined;
  const entry = tenantEntryOf(raw);
  if (!entry) {
    void showError(plainText(addTenantProblem(tree, raw)!));
    return undefined;
  }
  // a domain nobody has (or of a tenant listed already) is refused before anything is written
  const refused = entry.domain !== undefined && checkDomain ? await checkDomain(entry.domain) : undefined;
  if (refused) {
    void showError(l10n.t('Not added: {0}.', plainText(refused)));
    return undefined;
  }
  const name = scripted !== undefined ? args.name : await askText({ title: l10n.t('Partner Center: Add Tenant'), prompt: l10n.t('Display name (optional)'), ignoreFocusOut: true });
  if (name === undefined && scripted === undefined) return undefined;
  const folder = args.folder ?? (await pickFolder());
  if (folder === null) return undefined;
  const { config, target, entries } = settingAt(folder);
  const id = entry.tenantId ?? entry.domain;
  entries.push(name?.trim() ? { ...entry, name: name.trim() } : id);
  await config.update('customers', entries, target);
  return id;
}
