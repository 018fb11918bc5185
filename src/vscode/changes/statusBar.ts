// The workspace at a glance: `$(shield) 12 $(check) 3 $(clock) 1 $(error) 0` on the left, a spinner while a
// refresh runs, a warning background when something turned Denied since the user last looked; click opens
// the Customers view. Hidden with no tenants or when partnerCenter.statusBar.enabled is false.
import * as vscode from 'vscode';
import { ShownStatusItem, createStatusItem, hover } from '../display/hover';
import { dayTime, l10n } from '../display/l10n';
import { icon, joinMarkdown, joinShown, Markdown, markdownText, md, Shown, text } from '../../core/display/safeText';
import { TenantState } from '../../core/model/tenantStatus';
import { look } from '../view/presentation';
import { StatusStore } from '../statusStore';
import { CustomersTree } from '../view/tree';
import { ChangeTracker } from './changeTracker';
import { WatchStatus } from './watcher';
import { readStatusBarEnabled } from './settings';

export const FOCUS_COMMAND = 'partnerCenter.focusFromStatusBar';

export class StatusBar implements vscode.Disposable {
  readonly item: ShownStatusItem;
  private refreshing = 0;
  private timer?: NodeJS.Timeout;
  /** When the last refresh finished in this window. */
  lastRefreshAt?: number;
  /** Whether the item is shown (StatusBarItem cannot say). */
  visible = false;

  constructor(private readonly store: StatusStore, private readonly tree: CustomersTree, private readonly tracker: ChangeTracker, private readonly watching: () => WatchStatus) {
    this.item = createStatusItem('partnerCenter.summary', vscode.StatusBarAlignment.Left, -100);
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
    const lead = icon(this.refreshing ? 'sync~spin' : 'shield');
    this.item.text = joinShown([text`${lead} ${ids.length}`, text`${icon('check')} ${approved}`, text`${icon('clock')} ${c.InReview}`, text`${icon('error')} ${c.Denied}`, c.Error ? text`${icon('warning')} ${c.Error}` : undefined], ' ');
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
    // code's own words (labels and sentences without names): the tooltip writes them as markdown text
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
  private notes(): [string, Shown & Markdown][] {
    const notes: [string, Shown & Markdown][] = [];
    const last = this.lastRefreshAt ?? this.latestCheck();
    notes.push(['history', last ? l10n.t('Last refresh: {0}', dayTime(last)) : l10n.t('Not refreshed yet.')]);
    if (this.refreshing) notes.push(['sync~spin', l10n.t('Refreshing...')]);
    const w = this.watching();
    if (w.count) {
      notes.push(w.next ? ['eye', l10n.t('Watching {0} in review; next check {1}', w.count, dayTime(w.next))]
        : w.off === 'signed-out' ? ['eye-closed', l10n.t('Not watching the {0} in review: you are signed out. Sign in to watch them again.', w.count)]
        : w.off === 'disabled' ? ['eye-closed', l10n.t('Not watching the {0} in review: partnerCenter.watch.enabled is off.', w.count)]
        : ['eye', l10n.t('{0} in review (not watched now)', w.count)]);
    }
    if (this.tracker.hasUnseenDenied) notes.push(['warning', l10n.t('A qualification turned Denied since you last looked.')]);
    return notes;
  }

  private tooltip(counts: [string, string, number][], notes: [string, Shown & Markdown][]): vscode.MarkdownString {
    return hover(
      md`**${l10n.t('Partner Center Qualifications')}**\n\n`,
      md`| | | |\n|---|---|---:|\n${joinMarkdown(counts.map(([i, l, n]) => md`| ${icon(i)} | ${markdownText(l)} | ${n} |`), '\n')}\n\n`,
      ...notes.map(([i, t]) => md`${icon(i)} ${t}\n\n`),
    );
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
