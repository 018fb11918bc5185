// The workspace at a glance: `$(shield) 12 $(check) 3 $(clock) 1 $(error) 0` on the left, a spinner while a
// refresh runs, a warning background when something turned Denied since the user last looked; click opens
// the Customers view. Hidden with no tenants or when partnerCenter.statusBar.enabled is false.
import * as vscode from 'vscode';
import { TenantState } from '../../core/model/tenantStatus';
import { look } from '../view/presentation';
import { StatusStore } from '../statusStore';
import { CustomersTree } from '../view/tree';
import { ChangeTracker } from './changeTracker';
import { readStatusBarEnabled } from './settings';

export const FOCUS_COMMAND = 'partnerCenter.focusFromStatusBar';

export class StatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private refreshing = 0;
  private timer?: NodeJS.Timeout;
  /** When the last refresh finished in this window. */
  lastRefreshAt?: number;
  /** Whether the item is shown (StatusBarItem cannot say). */
  visible = false;

  constructor(private readonly store: StatusStore, private readonly tree: CustomersTree, private readonly tracker: ChangeTracker, private readonly watching: () => { count: number; next?: number }) {
    this.item = vscode.window.createStatusBarItem('partnerCenter.summary', vscode.StatusBarAlignment.Left, -100);
    this.item.name = vscode.l10n.t('Partner Center Qualifications');
    this.item.command = FOCUS_COMMAND;
  }

  refreshStarted(): void {
    this.refreshing++;
    this.update();
  }

  refreshFinished(): void {
    this.refreshing = Math.max(0, this.refreshing - 1);
    this.lastRefreshAt = Date.now();
    this.update();
  }

  /** Coalesces bursts (results stream in). */
  updateSoon(): void {
    this.timer ??= setTimeout(() => { this.timer = undefined; this.update(); }, 100);
  }

  update(): void {
    const ids = this.tree.tenantIds;
    if (!readStatusBarEnabled() || ids.length === 0) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const c = this.store.book.counts(ids);
    const approved = c.Approved + c.NotVetted;
    const lead = this.refreshing ? '$(sync~spin)' : '$(shield)';
    this.item.text = [`${lead} ${ids.length}`, `$(check) ${approved}`, `$(clock) ${c.InReview}`, `$(error) ${c.Denied}`, c.Error ? `$(warning) ${c.Error}` : ''].filter(Boolean).join(' ');
    this.item.backgroundColor = this.tracker.hasUnseenDenied ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.tooltip = this.tooltip(ids.length, c, approved);
    this.item.accessibilityInformation = { label: vscode.l10n.t('Partner Center: {0} tenants, {1} approved, {2} in review, {3} denied', ids.length, approved, c.InReview, c.Denied) };
    this.item.show();
    this.visible = true;
  }

  private tooltip(total: number, c: Record<TenantState, number>, approved: number): vscode.MarkdownString {
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${vscode.l10n.t('Partner Center Qualifications')}**\n\n`);
    const rows: [string, string, number][] = [
      ['organization', vscode.l10n.t('Tenants'), total],
      [look('Approved').icon, look('Approved').label, approved],
      [look('InReview').icon, look('InReview').label, c.InReview],
      [look('Denied').icon, look('Denied').label, c.Denied],
      [look('Unknown').icon, look('Unknown').label, c.Unknown],
      [look('None').icon, look('None').label, c.None],
      [look('Error').icon, vscode.l10n.t('Last check failed'), c.Error],
      [look('Unchecked').icon, look('Unchecked').label, c.Unchecked],
    ];
    md.appendMarkdown(`| | | |\n|---|---|---:|\n${rows.filter(([, , n], i) => i < 4 || n > 0).map(([i, l, n]) => `| $(${i}) | ${l} | ${n} |`).join('\n')}\n\n`);
    const last = this.lastRefreshAt ?? this.latestCheck();
    md.appendMarkdown(last ? `${vscode.l10n.t('Last refresh: {0}', new Date(last).toLocaleString(vscode.env.language))}\n\n` : `${vscode.l10n.t('Not refreshed yet.')}\n\n`);
    if (this.refreshing) md.appendMarkdown(`$(sync~spin) ${vscode.l10n.t('Refreshing...')}\n\n`);
    const w = this.watching();
    if (w.count) md.appendMarkdown(`$(eye) ${w.next ? vscode.l10n.t('Watching {0} in review; next check {1}', w.count, new Date(w.next).toLocaleTimeString(vscode.env.language)) : vscode.l10n.t('{0} in review (not watched now)', w.count)}\n\n`);
    if (this.tracker.hasUnseenDenied) md.appendMarkdown(`$(warning) ${vscode.l10n.t('A qualification turned Denied since you last looked.')}\n\n`);
    return md;
  }

  /** The newest answer or failure among the tenants (after a reload, before any refresh). */
  private latestCheck(): number | undefined {
    let last = 0;
    for (const id of this.tree.tenantIds) {
      const s = this.store.book.get(id);
      last = Math.max(last, s?.lastGood?.checkedAt ?? 0, s?.failure?.at ?? 0);
    }
    return last || undefined;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.item.dispose();
  }
}
