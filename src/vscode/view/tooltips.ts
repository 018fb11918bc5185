// The hovers of the Customers tree: a tenant (its qualifications as a table, where its name came from, the
// last check or failure) and a qualification. Markdown built only from Markdown parts (safeText.ts): a
// name, reason or error text never renders as a link, icon, markup or extra line. (The vscode import also
// lets `npm run l10n` find the l10n.t strings here: it reads files that import vscode.)
import * as vscode from 'vscode';
import { ConfiguredTenant } from '../../core/model/customerEntries';
import { KnownCustomer } from '../../core/model/customerDirectory';
import { Qualification } from '../../core/model/qualification';
import { TenantState, TenantStatus } from '../../core/model/tenantStatus';
import { Markdown, codeText, icon, joinMarkdown, markdownText, md } from '../../core/display/safeText';
import { hover } from '../display/hover';
import { dayTime, l10n } from '../display/l10n';
import { ago, badgeLegend, formatDate, look, statusLabel } from './presentation';

/** The hover of a failure row: the message, the ids for support, the last good result kept. */
export function failureDetail(s: TenantStatus): Markdown {
  const f = s.failure!;
  const ids = joinMarkdown([f.requestId && md`request ${codeText(f.requestId)}`, f.correlationId && md`correlation ${codeText(f.correlationId)}`], ', ');
  const support = ids ? l10n.t('For support: {0}', ids) : md``;
  const kept = s.lastGood ? md`\n\n${l10n.t('Showing the last good result, checked {0}.', markdownText(ago(s.lastGood.checkedAt)))}` : md``;
  return md`${icon('warning')} ${markdownText(f.message)}\n\n${support}${kept}`;
}

export function qualificationTooltip(q: Qualification, extra?: Markdown): vscode.MarkdownString {
  return hover(
    md`**${markdownText(q.name)}**: ${markdownText(statusLabel(q.status, q.rawStatus))}\n\n`,
    q.reason ? md`${l10n.t('Reason')}: ${markdownText(q.reason)}\n\n` : md``,
    q.createdAt ? md`${l10n.t('Vetting date (from Partner Center)')}: ${markdownText(formatDate(q.createdAt))} (${markdownText(q.createdAt)})\n\n` : md``,
    extra ?? md``,
  );
}

export function tenantTooltip(t: ConfiguredTenant, name: string, known: KnownCustomer | undefined, s: TenantStatus | undefined, state: TenantState, extra?: Markdown): vscode.MarkdownString {
  const parts: Markdown[] = [
    md`**${markdownText(name)}** ${icon(look(state).icon)} ${markdownText(look(state).label)}\n\n`,
    md`${l10n.t('Tenant')}: ${codeText(t.tenantId)}\n\n`,
  ];
  if (name !== t.tenantId) {
    const source = t.name ? l10n.t('Name from your settings') : known?.companyName ? l10n.t('Name from Partner Center') : l10n.t('Domain from your settings');
    parts.push(md`${source}${t.domain ? md` (${l10n.t('entry for the domain {0}', markdownText(t.domain))})` : md``}\n\n`);
  }
  if (known?.domain) parts.push(md`${l10n.t('Default domain')}: ${markdownText(known.domain)}\n\n`);
  if (known?.relationship) parts.push(md`${l10n.t('Relationship')}: ${markdownText(known.relationship)}\n\n`);
  const good = s?.lastGood;
  if (good) {
    if (good.qualifications.length) {
      parts.push(md`| ${l10n.t('Qualification')} | ${l10n.t('Status')} | ${l10n.t('Reason')} | ${l10n.t('Vetting date')} |\n|---|---|---|---|\n`);
      for (const q of good.qualifications) parts.push(md`| ${markdownText(q.name)} | ${markdownText(statusLabel(q.status, q.rawStatus))} | ${markdownText(q.reason ?? '')} | ${markdownText(formatDate(q.createdAt))} |\n`);
      parts.push(md`\n`);
    } else {
      parts.push(md`${l10n.t('No qualification.')}\n\n`);
    }
    const from = s?.signedOut ? md` ${l10n.t('(before sign-out)')}` : s?.stale ? md` ${l10n.t('(from last session)')}` : md``;
    parts.push(md`${l10n.t('Last check')}: ${dayTime(good.checkedAt)}${from}\n\n`);
    if (good.requestId) parts.push(md`${l10n.t('Request id')}: ${codeText(good.requestId)}\n\n`);
  }
  if (s?.failure) parts.push(md`${icon('warning')} ${markdownText(s.failure.message)}${s.failure.requestId ? md` (${l10n.t('request')} ${codeText(s.failure.requestId)})` : md``}\n\n`);
  if (!s) parts.push(l10n.t('Not checked yet: run Refresh.'));
  // the row's hover is what people see over the badge too (the decoration's own tooltip does not show there)
  parts.push(md`\n\n---\n\n${markdownText(badgeLegend(state), 512)}\n\n`, extra ?? md``);
  return hover(...parts);
}
