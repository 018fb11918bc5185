// How changes read in this window's language: statuses, "since 3 Dec (was In Review)", tooltip lines.
import * as vscode from 'vscode';
import { HistoryStatus, VettingChange } from '../../core/history/vettingHistory';
import { Wording } from '../../core/history/changeSummary';
import { statusLabel } from '../view/presentation';

export function statusText(s: HistoryStatus): string {
  return s === 'Absent' ? vscode.l10n.t('not listed') : statusLabel(s);
}

export const wording: Wording = {
  status: statusText,
  message: (count, items) => (count === 1 ? vscode.l10n.t('1 change: {0}', items) : vscode.l10n.t('{0} changes: {1}', count, items)),
};

let dayMonth: Intl.DateTimeFormat | undefined;

/** "3 Dec" (in the display language's order). */
export function shortDate(at: number): string {
  return (dayMonth ??= new Intl.DateTimeFormat(vscode.env.language, { day: 'numeric', month: 'short' })).format(at);
}

/** "since 3 Dec (was In Review)". */
export function sinceText(c: VettingChange): string {
  return vscode.l10n.t('since {0} (was {1})', shortDate(c.seenAt), statusText(c.from));
}

/** "3 Dec 14:05: Education In Review → Approved (reason)". */
export function changeLine(c: VettingChange): string {
  const when = new Date(c.seenAt).toLocaleString(vscode.env.language, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  return `${when}: ${c.qualification} ${statusText(c.from)} → ${statusText(c.to)}${c.reason && c.to !== 'Absent' ? ` (${c.reason})` : ''}`;
}
