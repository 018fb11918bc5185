// How changes read in this window's language: statuses, "(was In review)", change lines and tooltips. Dates
// in the one format of rows, tooltips and history (presentation.ts), each saying what it is.
import * as vscode from 'vscode';
import { HistoryStatus, VettingChange } from '../../core/history/vettingHistory';
import { Wording } from '../../core/history/changeSummary';
import { formatDayTime, statusLabel } from '../view/presentation';

export function statusText(s: HistoryStatus): string {
  return s === 'Absent' ? vscode.l10n.t('not listed') : statusLabel(s);
}

export const wording: Wording = {
  status: statusText,
  message: (count, items) => (count === 1 ? vscode.l10n.t('1 change: {0}', items) : vscode.l10n.t('{0} changes: {1}', count, items)),
};

/** "(was In review)", after the status on a qualification row. */
export function wasText(c: VettingChange): string {
  return vscode.l10n.t('(was {0})', statusText(c.from));
}

/** "Changed from In review: seen by this extension Nov 30, 2026, 2:05 PM" (when a check saw it, not the vetting date). */
export function seenText(c: VettingChange): string {
  return vscode.l10n.t('Changed from {0}: seen by this extension {1}', statusText(c.from), formatDayTime(c.seenAt));
}

/** "Nov 30, 2026, 2:05 PM: Education In review → Approved (reason)". */
export function changeLine(c: VettingChange): string {
  return `${formatDayTime(c.seenAt)}: ${c.qualification} ${statusText(c.from)} → ${statusText(c.to)}${c.reason && c.to !== 'Absent' ? ` (${c.reason})` : ''}`;
}
