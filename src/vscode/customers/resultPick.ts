// The answer to a look-up, where it stays until dismissed: a quick pick with one row per qualification
// (status, reason, vetting date) or the error, and the actions Add to Workspace and Copy.
import * as vscode from 'vscode';
import { icon as iconText, joinShown, plainText, text } from '../../core/display/safeText';
import { l10n } from '../display/l10n';
import { ShownItem, ShownQuickPickFactory, createPick } from '../display/window';
import { PartnerCenterError } from '../../core/client/errors';
import { QualificationsResult } from '../../core/model/qualification';
import { formatDate, icon, statusLabel } from '../view/presentation';
import { Candidate } from './candidates';

export type ResultAction = 'add' | 'copy' | 'signIn' | 'showLog';

export type ResultItem = ShownItem & {
  readonly action?: ResultAction;
};

export type QuickPickFactory<T extends ShownItem> = ShownQuickPickFactory<T>;

export interface LookUpAnswer {
  readonly result?: QualificationsResult;
  readonly error?: PartnerCenterError;
}

/** One line for the clipboard and logs: "Contoso University (id): Education Approved · Sep 3, 2026". */
export function answerText(c: Candidate, a: LookUpAnswer): string {
  const who = c.name ? `${c.name} (${c.tenantId})` : c.tenantId;
  if (a.error) return `${who}: ${a.error.message}`;
  const q = a.result!.qualifications;
  if (!q.length) return `${who}: ${vscode.l10n.t('no qualification')}`;
  return `${who}: ${q.map((x) => [x.name, statusLabel(x.status, x.rawStatus), x.reason, formatDate(x.createdAt)].filter(Boolean).join(' · ')).join('; ')}`;
}

export function resultItems(c: Candidate, a: LookUpAnswer, added = false): ResultItem[] {
  const rows: ResultItem[] = [];
  if (a.error) {
    rows.push({ label: text`${iconText('error')} ${plainText(a.error.message)}`, detail: a.error.supportIds() ? plainText(a.error.supportIds()) : undefined });
  } else if (a.result!.qualifications.length === 0) {
    rows.push({ label: text`${iconText(icon('None').id)} ${l10n.t('No qualification')}` });
  } else {
    for (const q of a.result!.qualifications) {
      rows.push({ label: text`${iconText(icon(q.status).id)} ${plainText(q.name)}`, description: joinShown([plainText(statusLabel(q.status, q.rawStatus)), q.reason && plainText(q.reason), plainText(formatDate(q.createdAt))], ' · ') });
    }
  }
  rows.push({ label: l10n.t('Actions'), kind: vscode.QuickPickItemKind.Separator });
  if (a.result && !c.configured && !added) rows.push({ label: text`${iconText('add')} ${l10n.t('Add to Workspace')}`, description: c.name ? l10n.t('list {0} in this workspace\'s settings', plainText(c.name)) : l10n.t('list the tenant in this workspace\'s settings'), action: 'add' });
  if (added) rows.push({ label: text`${iconText('check')} ${l10n.t('Added to the workspace')}` });
  rows.push({ label: text`${iconText('copy')} ${l10n.t('Copy')}`, description: l10n.t('the result as text'), action: 'copy' });
  if (a.error?.kind === 'auth-required' || a.error?.kind === 'mfa-required') rows.push({ label: text`${iconText('sign-in')} ${l10n.t('Sign In')}`, action: 'signIn' });
  else if (a.error) rows.push({ label: text`${iconText('output')} ${l10n.t('Show Log')}`, action: 'showLog' });
  return rows;
}

/**
 * Shows the answer until the user dismisses it (Escape or clicking elsewhere does not lose it: ignoreFocusOut).
 * Resolves when it is closed, with the actions taken.
 */
export function showAnswer(
  c: Candidate, a: LookUpAnswer, add: () => Promise<boolean>, create: QuickPickFactory<ResultItem> = createPick,
): Promise<ResultAction[]> {
  const qp = create();
  const taken: ResultAction[] = [];
  let added = false;
  const title = c.name ? joinShown([plainText(c.name), c.domain && plainText(c.domain)], ' · ') : plainText(c.tenantId);
  qp.title = title;
  qp.placeholder = joinShown([c.name && plainText(c.tenantId), c.relationship && plainText(c.relationship), c.configured && l10n.t('in this workspace')], ' · ');
  qp.ignoreFocusOut = true;
  qp.matchOnDescription = true;
  qp.items = resultItems(c, a);
  return new Promise((resolve) => {
    qp.onDidAccept(async () => {
      const action = qp.selectedItems[0]?.action;
      if (!action) return; // a qualification row: nothing to do, the answer stays
      taken.push(action);
      if (action === 'copy') {
        await vscode.env.clipboard.writeText(answerText(c, a));
        qp.title = text`${title} · ${l10n.t('copied')}`;
      } else if (action === 'add') {
        qp.busy = true;
        added = await add();
        qp.busy = false;
        qp.items = resultItems(c, a, added);
      } else {
        qp.hide();
        await vscode.commands.executeCommand(action === 'signIn' ? 'partnerCenter.signIn' : 'partnerCenter.showLog');
      }
    });
    qp.onDidHide(() => { qp.dispose(); resolve(taken); });
    qp.show();
  });
}
