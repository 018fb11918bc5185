// Show History: a tenant's vetting changes, newest first, in a quick pick (from the row, or the palette with
// a tenant pick).
// (the vscode import lets `npm run l10n` find the l10n.t strings here: it reads files that import vscode)
import * as vscode from 'vscode';
import { ShownItem, pick, showInformation } from '../display/window';
import { l10n } from '../display/l10n';
import { Shown, icon, plainText, singleLine, text } from '../../core/display/safeText';
import { VettingHistory } from '../../core/history/vettingHistory';
import { formatDate, formatDayTime } from '../view/presentation';
import { CustomersTree } from '../view/tree';
import { changeLine, statusText } from './wording';

export async function showHistory(tree: CustomersTree, history: VettingHistory, tenantId?: string, token?: vscode.CancellationToken): Promise<string | undefined> {
  const id = tenantId ?? (await pickTenant(tree, history));
  if (!id) return undefined;
  const { title, items } = historyItems(tree, history, id);
  await pick(items, { title, placeHolder: l10n.t('Changes seen by this workspace, newest first') }, token);
  return id;
}

/** The rows Show History lists for a tenant, newest first, down to its baseline. */
export function historyItems(tree: CustomersTree, history: VettingHistory, id: string): { title: Shown; items: ShownItem[] } {
  const name = plainText(tree.tenantName(id));
  const since = history.since(id);
  const items: ShownItem[] = [...history.changes(id)].reverse().map((c) => ({
    label: text`${icon(c.to === 'Denied' ? 'error' : c.to === 'Approved' ? 'pass-filled' : 'history')} ${plainText(changeLine(c), 512)}`,
    detail: c.vettingDate ? l10n.t('Vetting date (from Partner Center): {0}', plainText(formatDate(c.vettingDate))) : undefined,
  }));
  items.push(since === undefined
    ? { label: text`${icon('circle-large-outline')} ${l10n.t('Not checked yet: refresh to start its history')}` }
    : { label: text`${icon('circle-large-outline')} ${l10n.t('First answer seen {0} (the baseline)', plainText(formatDayTime(since)))}`, detail: baselineText(history, id) });
  return { title: l10n.t('Vetting History of {0}', name), items };
}

/** "Education In review · GCC Approved", or "No qualification": what the first answer said. */
function baselineText(history: VettingHistory, id: string): Shown {
  const held = history.baseline(id) ?? [];
  return held.length ? plainText(held.map((q) => `${singleLine(q.name, 64)} ${statusText(q.status)}`).join(' · '), 512) : l10n.t('No qualification');
}

async function pickTenant(tree: CustomersTree, history: VettingHistory): Promise<string | undefined> {
  const seen = new Set<string>();
  const picks = tree.tenants.filter((t) => !seen.has(t.tenantId) && seen.add(t.tenantId)).map((t) => {
    const n = history.changes(t.tenantId).length;
    const label = plainText(tree.displayName(t));
    return { label, description: n ? (n === 1 ? l10n.t('1 change') : l10n.t('{0} changes', n)) : undefined, detail: label !== t.tenantId ? plainText(t.tenantId) : undefined, tenantId: t.tenantId };
  });
  if (!picks.length) {
    void showInformation(l10n.t('No customer tenants in this workspace: add one first.'));
    return undefined;
  }
  return (await pick(picks, { title: l10n.t('Show History of Tenant'), matchOnDetail: true }))?.tenantId;
}
