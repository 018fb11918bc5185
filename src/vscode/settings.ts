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

/**
 * The user's (or default) value only. `inspect` merges both ways of writing a key (`"http.proxy"` and
 * `"http": { "proxy" }`), so a workspace cannot slip a value past us in the nested form, which VS Code 1.100
 * does not filter for application-scoped settings.
 */
/** Every value of the customers setting in this window, to tell a real change from a repeated event. */
export function customersFingerprint(): string {
  const scopes = [undefined, ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri)];
  return JSON.stringify(scopes.map((scope) => vscode.workspace.getConfiguration(SECTION, scope).inspect('customers')));
}

function userValue<T>(key: string, section = SECTION): T | undefined {
  const i = vscode.workspace.getConfiguration(section).inspect<T>(key);
  return i?.globalValue ?? i?.defaultValue;
}

/** The value a workspace, workspace file or any folder gives `key`, when it differs from the user's. */
function workspaceValues<T>(key: string, section: string): T[] {
  const user = JSON.stringify(userValue(key, section));
  const scopes = [undefined, ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri)];
  const values: T[] = [];
  for (const scope of scopes) {
    const i = vscode.workspace.getConfiguration(section, scope).inspect<T>(key);
    for (const v of [i?.workspaceValue, i?.workspaceFolderValue]) {
      if (v !== undefined && JSON.stringify(v) !== user) values.push(v);
    }
  }
  return values;
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
/** VS Code's settings that decide where the token goes and how it is protected: read from the user only. */
const NETWORK_KEYS = ['proxy', 'noProxy', 'proxyStrictSSL', 'proxyAuthorization'];

/** Settings a workspace tried to set that only the user may: ignored, named in the view and the log. */
export function ignoredWorkspaceSettings(): string[] {
  return [
    ...APPLICATION_KEYS.filter((k) => workspaceValues(k, SECTION).length).map((k) => `${SECTION}.${k}`),
    ...NETWORK_KEYS.filter((k) => workspaceValues(k, 'http').length).map((k) => `http.${k}`),
  ];
}

/** What makes requests with no action of the user's: auto refresh when the view opens, and the watcher. */
export interface SpendingSettings {
  /** Hours after which a tenant is refreshed when the view opens; 0 = off. */
  readonly autoRefreshHours: number;
  readonly watchEnabled: boolean;
  /** Before the public 15-minute minimum is applied. */
  readonly watchMinutes: number;
  /** partnerCenter.development.watchIntervalSeconds (honoured only when the extension runs from source). */
  readonly devWatchSeconds?: number;
  /** The workspace values that were not honoured (they would spend more), for the view's note. */
  readonly ignored: string[];
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * The Partner Center budget is the partner's: what spends it with no action of the user's takes effect only
 * from user settings (or the default). A workspace, workspace file or folder may only spend less: turn auto
 * refresh or watching off, or watch less often. Anything else it sets is ignored and named in the view.
 */
export function readSpendingSettings(): SpendingSettings {
  const ignored: string[] = [];
  const fromWorkspace = <T>(key: string, honoured: (v: unknown) => v is T): T[] => {
    const values = workspaceValues<unknown>(key, SECTION);
    if (values.some((v) => !honoured(v))) ignored.push(`${SECTION}.${key}`);
    return values.filter(honoured);
  };
  const userHours = Math.max(0, Number(userValue<number>('autoRefresh.hours')) || 0);
  const hoursOff = fromWorkspace('autoRefresh.hours', (v): v is number => finite(v) && v <= 0).length > 0;
  const userWatch = userValue<boolean>('watch.enabled') !== false;
  const watchOff = fromWorkspace('watch.enabled', (v): v is false => v === false).length > 0;
  const userMinutes = Number(userValue<number>('watch.intervalMinutes')) || 60;
  const longer = fromWorkspace('watch.intervalMinutes', (v): v is number => finite(v) && v > userMinutes);
  const devSeconds = Number(userValue<number>('development.watchIntervalSeconds'));
  if (workspaceValues('development.watchIntervalSeconds', SECTION).length) ignored.push(`${SECTION}.development.watchIntervalSeconds`);
  return {
    autoRefreshHours: hoursOff ? 0 : userHours,
    watchEnabled: userWatch && !watchOff,
    watchMinutes: Math.max(userMinutes, ...longer),
    devWatchSeconds: devSeconds > 0 ? devSeconds : undefined,
    ignored,
  };
}

export function readConnectionSettings(): ConnectionSettings {
  return {
    cloud: userValue<CloudName>('cloud') ?? 'global',
    customCloud: userValue<CustomCloudSetting>('customCloud') ?? {},
    mode: userValue<'user' | 'app'>('signIn.mode') ?? 'user',
    clientId: (userValue<string>('signIn.clientId') ?? '').trim(),
    tenantId: (userValue<string>('signIn.tenantId') ?? '').trim(),
    workspaceOverrides: ignoredWorkspaceSettings(),
  };
}

export interface Limits {
  readonly concurrency: number;
  readonly requestsPerMinute: number;
  /** The overall deadline of one attempt of one request (headers and whole body). */
  readonly requestTimeoutSeconds: number;
}

const LIMITS: Record<keyof Limits, { key: string; fallback: number; max: number }> = {
  concurrency: { key: 'maxConcurrentRequests', fallback: 8, max: 64 },
  requestsPerMinute: { key: 'maxRequestsPerMinute', fallback: 500, max: 6000 },
  requestTimeoutSeconds: { key: 'requestTimeoutSeconds', fallback: 60, max: 600 },
};

/**
 * Request limits: the user's values, which a workspace may lower but never raise (the Partner Center budget
 * is shared by all of the partner's tools; a cloned repository must not be able to spend it).
 */
export function readLimits(): Limits {
  const limit = ({ key, fallback, max }: (typeof LIMITS)[keyof Limits]) => {
    const user = clamp(userValue<number>(key) ?? fallback, 1, max);
    const lower = workspaceValues<number>(key, SECTION).filter((v) => typeof v === 'number' && Number.isFinite(v));
    return Math.min(user, ...lower.map((v) => clamp(v, 1, max)));
  };
  return { concurrency: limit(LIMITS.concurrency), requestsPerMinute: limit(LIMITS.requestsPerMinute), requestTimeoutSeconds: limit(LIMITS.requestTimeoutSeconds) };
}

/** VS Code's own network settings, applied to sign-in and API calls alike: the user's values only. */
export function readNetworkSettings(): NetworkOptions {
  return {
    proxy: (userValue<string>('proxy', 'http') ?? '').trim() || undefined,
    noProxy: userValue<string[]>('noProxy', 'http') ?? [],
    strictSSL: userValue<boolean>('proxyStrictSSL', 'http') !== false,
    proxyAuthorization: userValue<string | null>('proxyAuthorization', 'http') ?? undefined,
  };
}

/**
 * Whether a change may concern the connection. Whole sections, not keys: a file that writes
 * `"http": { "proxy": ... }` reports the change as "http" only; the connection then compares what it was
 * built from, so an unrelated change costs nothing.
 */
export function affectsConnection(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration('http') || e.affectsConfiguration(SECTION);
}

function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, Math.floor(n))) : lo;
}
