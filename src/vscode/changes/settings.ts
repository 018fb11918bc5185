// Settings of the changes feature: watching In Review tenants, auto refresh and the status bar item.
import * as vscode from 'vscode';
import { SECTION, readLimits, readSpendingSettings } from '../settings';

export const MIN_WATCH_MINUTES = 15;
/** The watcher's share of the request ceiling (partnerCenter.maxRequestsPerMinute). */
export const WATCH_BUDGET_SHARE = 0.2;

export interface WatchSettings {
  readonly enabled: boolean;
  readonly intervalMs: number;
  readonly maxChecksPerMinute: number;
}

/**
 * `development` (the extension runs from source: tests, the demo) lets a test hook or the undeclared setting
 * partnerCenter.development.watchIntervalSeconds (user settings.json only) go below the public 15-minute minimum.
 */
export function readWatchSettings(development: boolean, testIntervalMs?: number): WatchSettings {
  // user settings only; a workspace may only turn watching off or make it less frequent (settings.ts)
  const s = readSpendingSettings();
  const minutes = Math.max(MIN_WATCH_MINUTES, s.watchMinutes);
  const devMs = !development ? NaN : testIntervalMs ?? (s.devWatchSeconds ?? NaN) * 1000;
  return {
    enabled: s.watchEnabled,
    intervalMs: devMs > 0 ? devMs : minutes * 60_000,
    maxChecksPerMinute: Math.max(1, Math.floor(readLimits().requestsPerMinute * WATCH_BUDGET_SHARE)),
  };
}

/** Hours after which a tenant is refreshed when the view opens; 0 = off. User settings only (a workspace may turn it off). */
export function readAutoRefreshHours(): number {
  return readSpendingSettings().autoRefreshHours;
}

export function readStatusBarEnabled(): boolean {
  return vscode.workspace.getConfiguration(SECTION).get<boolean>('statusBar.enabled', true) !== false;
}

export const affectsWatch = (e: vscode.ConfigurationChangeEvent) =>
  e.affectsConfiguration(`${SECTION}.watch`) || e.affectsConfiguration(`${SECTION}.development`) || e.affectsConfiguration(`${SECTION}.maxRequestsPerMinute`);
