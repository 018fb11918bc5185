// Sort and filter of the Customers view (view title menu), remembered per workspace, and the view's
// description ("12 approved, 3 in review, 1 denied") and message.
import * as vscode from 'vscode';
import { pick, pickMany } from '../display/window';
import { l10n } from '../display/l10n';
import { icon, plainText, text } from '../../core/display/safeText';
import { TenantState } from '../../core/model/tenantStatus';
import { look } from './presentation';
import { StatusStore } from '../statusStore';
import { CustomersTree, SortOrder } from './tree';

const SORT_KEY = 'partnerCenter.sort';
const FILTER_KEY = 'partnerCenter.filter';
const FILTERABLE: TenantState[] = ['Approved', 'InReview', 'Denied', 'Unknown', 'NotVetted', 'None', 'Error', 'Unchecked'];

export class ViewOptions {
  /** The sign-in state and notes of the last update: a filter change repaints the message with them. */
  private signedIn = false;
  private notes: string[] = [];
  /** Set when Refresh All found nobody signed in; cleared by the next update with a sign-in. */
  private signInNeeded = false;

  constructor(private readonly state: vscode.Memento, private readonly tree: CustomersTree, private readonly store: StatusStore, private readonly view: vscode.TreeView<unknown>) {
    tree.sort = state.get<SortOrder>(SORT_KEY, 'name');
    const f = state.get<TenantState[]>(FILTER_KEY);
    tree.filter = f?.length ? new Set(f) : undefined;
    void vscode.commands.executeCommand('setContext', 'partnerCenter.filtered', !!tree.filter);
  }

  /** `order` only from scripts: a view title button passes VS Code's own context object, not an order. */
  async pickSort(order?: unknown): Promise<void> {
    const choice = (order === 'name' || order === 'status' ? order : undefined) ?? (await pick(
      [{ label: l10n.t('Name'), order: 'name' as const }, { label: l10n.t('Status (problems first)'), order: 'status' as const }].map((i) => ({ ...i, picked: i.order === this.tree.sort })),
      { title: l10n.t('Sort Tenants By') },
    ))?.order;
    if (!choice) return;
    this.tree.sort = choice;
    await this.state.update(SORT_KEY, choice);
    this.tree.refreshSoon();
  }

  /** `states` only from scripts: the funnel button passes VS Code's own context object, which means "ask". */
  async pickFilter(states?: unknown): Promise<void> {
    let chosen = Array.isArray(states) ? states.filter((s): s is TenantState => FILTERABLE.includes(s as TenantState)) : undefined;
    if (!chosen) {
      const picks = await pickMany(
        FILTERABLE.map((s) => ({ label: text`${icon(look(s).icon)} ${plainText(look(s).label)}`, state: s, picked: this.tree.filter?.has(s) ?? false })),
        { title: l10n.t('Show Tenants With Status'), placeHolder: l10n.t('Pick none to show all') },
      );
      if (!picks) return;
      chosen = picks.map((p) => p.state);
    }
    this.tree.filter = chosen.length ? new Set(chosen) : undefined;
    await this.state.update(FILTER_KEY, chosen);
    await vscode.commands.executeCommand('setContext', 'partnerCenter.filtered', !!this.tree.filter);
    this.tree.refreshSoon();
    this.update();
  }

  /** Refresh All found nobody signed in: say so in the view, where the user clicked. */
  signInRequired(): void {
    this.signInNeeded = true;
    this.update();
  }

  /** Refreshes the view's description (counts) and message (sign-in, filter, ignored workspace settings). */
  update(signedIn = this.signedIn, notes = this.notes): void {
    if (signedIn && !this.signedIn) this.signInNeeded = false;
    this.signedIn = signedIn;
    this.notes = notes;
    const ids = this.tree.tenantIds;
    const c = this.store.book.counts(ids);
    const parts = [
      c.Approved + c.NotVetted && vscode.l10n.t('{0} approved', c.Approved + c.NotVetted),
      c.InReview && vscode.l10n.t('{0} in review', c.InReview),
      c.Denied && vscode.l10n.t('{0} denied', c.Denied),
      c.Unknown && vscode.l10n.t('{0} unknown', c.Unknown),
      c.None && vscode.l10n.t('{0} no qualification', c.None),
      c.Error && vscode.l10n.t('{0} failed', c.Error),
      c.Unchecked && vscode.l10n.t('{0} not checked', c.Unchecked),
    ].filter(Boolean);
    this.view.description = parts.join(', ') || undefined;
    // the description is hidden while this is the container's only view, so the counts also lead the message
    const messages = parts.length ? [`${parts.join(' · ')}.`, ...notes] : [...notes];
    if (ids.length && !signedIn) messages.push(this.signOutMessage(ids));
    if (this.tree.filter) messages.push(vscode.l10n.t('Filtered: {0}.', [...this.tree.filter].map((s) => look(s).label).join(', ')));
    this.view.message = messages.join(' ') || undefined;
    void vscode.commands.executeCommand('setContext', 'partnerCenter.tenantCount', ids.length);
    void vscode.commands.executeCommand('setContext', 'partnerCenter.problemCount', this.tree.problems.length);
  }

  private signOutMessage(ids: readonly string[]): string {
    if (this.signInNeeded) return vscode.l10n.t('Refresh needs sign-in: run "Partner Center: Sign In" (the sign-in button above), then refresh.');
    if (ids.some((id) => this.store.book.get(id)?.signedOut)) return vscode.l10n.t('Signed out: rows show results from before sign-out. Run "Partner Center: Sign In" to check them again.');
    return vscode.l10n.t('Not signed in: run "Partner Center: Sign In" to check these tenants.');
  }
}
