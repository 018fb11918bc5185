// Reading settings. Cloud, custom endpoint and sign-in settings are application-scoped: only the user's own
// settings count (a workspace cannot redirect the bearer token), so they are read from the global value.
import * as vscode from 'vscode';
import { CustomerEntries, parseCustomerEntries } from '../core/model/customerEntries';
import { CloudName } from '../core/client/clouds';
import { NetworkOptions } from '../core/client/network';

export const SECTION = 'partnerCenter';

export interface FolderCustomers extends CustomerEntries {
  /** The folder whose own settings list these tenants; undefined for the window (single folder, workspace file, user). */
  readonly folder?: vscode.WorkspaceFolder;
}

/**
 * Tenants of the window. Multi-root: one group per folder from that folder's own setting, plus one for the
 * workspace file (or user settings), so a tenant listed once is shown once and not under every folder.
 */
export function readCustomers(): FolderCustomers[] {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) {
    return [{ ...parseCustomerEntries(vscode.workspace.getConfiguration(SECTION, folders[0]?.uri).get('customers')), folder: folders[0] }];
  }
  const inWindow = vscode.workspace.getConfiguration(SECTION).inspect('customers');
  const windowGroup: FolderCustomers = parseCustomerEntries(inWindow?.workspaceValue ?? inWindow?.globalValue ?? []);
  const folderGroups = folders.map((folder) => ({
    ...parseCustomerEntries(vscode.workspace.getConfiguration(SECTION, folder.uri).inspect('customers')?.workspaceFolderValue ?? []),
    folder,
  }));
  return [windowGroup, ...folderGroups];
}

function userValue<T>(key: string): T | undefined {
  const i = vscode.workspace.getConfiguration(SECTION).inspect<T>(key);
  return i?.globalValue ?? i?.defaultValue;
}

export interface CustomCloudSetting {
  readonly apiBaseUrl?: string;
  readonly authority?: string;
  readonly caFile?: string;
}

export interface ConnectionSettings {
  readonly cloud: CloudName;
  readonly customCloud: CustomCloudSetting;
  readonly mode: 'user' | 'app';
  readonly clientId: string;
  readonly tenantId: string;
  /** Whether a workspace tried to set any of these (ignored; reported to the user). */
  readonly workspaceOverrides: string[];
}

const APPLICATION_KEYS = ['cloud', 'customCloud', 'signIn.mode', 'signIn.clientId', 'signIn.tenantId'];

export function readConnectionSettings(): ConnectionSettings {
  const c = vscode.workspace.getConfiguration(SECTION);
  const overrides = APPLICATION_KEYS.filter((k) => {
    const i = c.inspect(k);
    return i?.workspaceValue !== undefined || i?.workspaceFolderValue !== undefined;
  });
  return {
    cloud: userValue<CloudName>('cloud') ?? 'global',
    customCloud: userValue<CustomCloudSetting>('customCloud') ?? {},
    mode: userValue<'user' | 'app'>('signIn.mode') ?? 'user',
    clientId: (userValue<string>('signIn.clientId') ?? '').trim(),
    tenantId: (userValue<string>('signIn.tenantId') ?? '').trim(),
    workspaceOverrides: overrides.map((k) => `${SECTION}.${k}`),
  };
}

export function readLimits(): { concurrency: number; requestsPerMinute: number } {
  const c = vscode.workspace.getConfiguration(SECTION);
  return {
    concurrency: clamp(c.get<number>('maxConcurrentRequests', 8), 1, 64),
    requestsPerMinute: clamp(c.get<number>('maxRequestsPerMinute', 500), 1, 6000),
  };
}

/** VS Code's own network settings, applied to sign-in and API calls alike. */
export function readNetworkSettings(): NetworkOptions {
  const http = vscode.workspace.getConfiguration('http');
  return {
    proxy: (http.get<string>('proxy') ?? '').trim() || undefined,
    noProxy: http.get<string[]>('noProxy') ?? [],
    strictSSL: http.get<boolean>('proxyStrictSSL', true),
    proxyAuthorization: http.get<string | null>('proxyAuthorization') ?? undefined,
  };
}

export function affectsConnection(e: vscode.ConfigurationChangeEvent): boolean {
  return ['http.proxy', 'http.noProxy', 'http.proxyStrictSSL', 'http.proxyAuthorization', ...APPLICATION_KEYS.map((k) => `${SECTION}.${k}`), `${SECTION}.maxRequestsPerMinute`].some((s) => e.affectsConfiguration(s));
}

function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, Math.floor(n))) : lo;
}
