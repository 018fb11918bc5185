// Show History: a tenant's vetting changes, newest first, in a quick pick (from the row, or the palette with
// a tenant pick).
import * as vscode from 'vscode';
import { VettingHistory } from '../../core/history/vettingHistory';
import { formatDate, formatDayTime } from '../view/presentation';
import { CustomersTree } from '../view/tree';
import { changeLine, statusText } from './wording';
import { plainText } from '../../core/display/safeText';

export async function showHistory(tree: CustomersTree, history: VettingHistory, tenantId?: string): Promise<string | undefined> {
  const id = tenantId ?? (await pickTenant(tree, history));
  if (!id) return undefined;
  const { title, items } = historyItems(tree, history, id);
  await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Changes seen by this workspace, newest first') });
  return id;
}

/** The rows Show History lists for a tenant, newest first, down to its baseline. */
export function historyItems(tree: CustomersTree, history: VettingHistory, id: string): { title: string; items: vscode.QuickPickItem[] } {
  const name = plainText(tree.tenantName(id));
  const since = history.since(id);
  const items: vscode.QuickPickItem[] = [...history.changes(id)].reverse().map((c) => ({
    label: `$(${c.to === 'Denied' ? 'error' : c.to === 'Approved' ? 'pass-filled' : 'history'}) ${changeLine(c)}`,
    detail: c.vettingDate ? vscode.l10n.t('Vetting date (from Partner Center): {0}', formatDate(c.vettingDate)) : undefined,
  }));
  items.push(since === undefined
    ? { label: `$(circle-large-outline) ${vscode.l10n.t('Not checked yet: refresh to start its history')}` }
    : { label: `$(circle-large-outline) ${vscode.l10n.t('First answer seen {0} (the baseline)', formatDayTime(since))}`, detail: baselineText(history, id) });
  return { title: vscode.l10n.t('Vetting History of {0}', name), items };
}

/** "Education In review · GCC Approved", or "No qualification": what the first answer said. */
function baselineText(history: VettingHistory, id: string): string {
  const held = history.baseline(id) ?? [];
  return held.length ? held.map((q) => `${plainText(q.name, 64)} ${statusText(q.status)}`).join(' · ') : vscode.l10n.t('No qualification');
}

async function pickTenant(tree: CustomersTree, history: VettingHistory): Promise<string | undefined> {
  const seen = new Set<string>();
  const picks = tree.tenants.filter((t) => !seen.has(t.tenantId) && seen.add(t.tenantId)).map((t) => {
    const n = history.changes(t.tenantId).length;
    const label = plainText(tree.displayName(t));
    return { label, description: n ? (n === 1 ? vscode.l10n.t('1 change') : vscode.l10n.t('{0} changes', n)) : undefined, detail: label !== t.tenantId ? t.tenantId : undefined, tenantId: t.tenantId };
  });
  if (!picks.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No customer tenants in this workspace: add one first.'));
    return undefined;
  }
  return (await vscode.window.showQuickPick(picks, { title: vscode.l10n.t('Show History of Tenant'), matchOnDetail: true }))?.tenantId;
}
