// The workspace at a glance: `$(shield) 12 $(check) 3 $(clock) 1 $(error) 0` on the left, a spinner while a
// refresh runs, a warning background when something turned Denied since the user last looked; click opens
// the Customers view. Hidden with no tenants or when partnerCenter.statusBar.enabled is false.
import * as vscode from 'vscode';
import { TenantState } from '../../core/model/tenantStatus';
import { formatDayTime, look } from '../view/presentation';
import { StatusStore } from '../statusStore';
import { CustomersTree } from '../view/tree';
import { ChangeTracker } from './changeTracker';
import { WatchStatus } from './watcher';
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

  constructor(private readonly store: StatusStore, private readonly tree: CustomersTree, private readonly tracker: ChangeTracker, private readonly watching: () => WatchStatus) {
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
    // the tooltip and the accessible label say the same: built from one list of counts and one of notes
    const counts = this.counts(ids.length, c, approved);
    const notes = this.notes();
    this.item.tooltip = this.tooltip(counts, notes);
    const said = counts.map(([, l, n]) => `${n} ${l.toLocaleLowerCase(vscode.env.language)}`).join(', ');
    this.item.accessibilityInformation = { label: [`${vscode.l10n.t('Partner Center: {0}', said)}`, ...notes.map(([, t]) => t)].map((t) => t.replace(/\.$/, '')).join('. ') + '.' };
    this.item.show();
    this.visible = true;
  }

  /** Icon, label, count: the four the text shows, then the others that are not zero. */
  private counts(total: number, c: Record<TenantState, number>, approved: number): [string, string, number][] {
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
    return rows.filter(([, , n], i) => i < 4 || n > 0);
  }

  /** Icon and sentence: last refresh, a running refresh, watching, a denial not seen yet. */
  private notes(): [string, string][] {
    const notes: [string, string][] = [];
    const last = this.lastRefreshAt ?? this.latestCheck();
    notes.push(['history', last ? vscode.l10n.t('Last refresh: {0}', formatDayTime(last)) : vscode.l10n.t('Not refreshed yet.')]);
    if (this.refreshing) notes.push(['sync~spin', vscode.l10n.t('Refreshing...')]);
    const w = this.watching();
    if (w.count) {
      notes.push(w.next ? ['eye', vscode.l10n.t('Watching {0} in review; next check {1}', w.count, formatDayTime(w.next))]
        : w.off === 'signed-out' ? ['eye-closed', vscode.l10n.t('Not watching the {0} in review: you are signed out. Sign in to watch them again.', w.count)]
        : w.off === 'disabled' ? ['eye-closed', vscode.l10n.t('Not watching the {0} in review: partnerCenter.watch.enabled is off.', w.count)]
        : ['eye', vscode.l10n.t('{0} in review (not watched now)', w.count)]);
    }
    if (this.tracker.hasUnseenDenied) notes.push(['warning', vscode.l10n.t('A qualification turned Denied since you last looked.')]);
    return notes;
  }

  private tooltip(counts: [string, string, number][], notes: [string, string][]): vscode.MarkdownString {
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${vscode.l10n.t('Partner Center Qualifications')}**\n\n`);
    md.appendMarkdown(`| | | |\n|---|---|---:|\n${counts.map(([i, l, n]) => `| $(${i}) | ${l} | ${n} |`).join('\n')}\n\n`);
    for (const [i, t] of notes) md.appendMarkdown(`$(${i}) ${t}\n\n`);
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
