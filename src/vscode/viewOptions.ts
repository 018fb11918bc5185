// Sort and filter of the Customers view (view title menu), remembered per workspace, and the view's
// description ("12 approved, 3 in review, 1 denied") and message.
import * as vscode from 'vscode';
import { TenantState } from '../core/model/tenantStatus';
import { look } from './presentation';
import { StatusStore } from './statusStore';
import { CustomersTree, SortOrder } from './tree';

const SORT_KEY = 'partnerCenter.sort';
const FILTER_KEY = 'partnerCenter.filter';
const FILTERABLE: TenantState[] = ['Approved', 'InReview', 'Denied', 'Unknown', 'NotVetted', 'None', 'Error', 'Unchecked'];

export class ViewOptions {
  constructor(private readonly state: vscode.Memento, private readonly tree: CustomersTree, private readonly store: StatusStore, private readonly view: vscode.TreeView<unknown>) {
    tree.sort = state.get<SortOrder>(SORT_KEY, 'name');
    const f = state.get<TenantState[]>(FILTER_KEY);
    tree.filter = f?.length ? new Set(f) : undefined;
    void vscode.commands.executeCommand('setContext', 'partnerCenter.filtered', !!tree.filter);
  }

  async pickSort(order?: SortOrder): Promise<void> {
    const choice = order ?? (await vscode.window.showQuickPick(
      [{ label: vscode.l10n.t('Name'), order: 'name' as const }, { label: vscode.l10n.t('Status (problems first)'), order: 'status' as const }].map((i) => ({ ...i, picked: i.order === this.tree.sort })),
      { title: vscode.l10n.t('Sort Tenants By') },
    ))?.order;
    if (!choice) return;
    this.tree.sort = choice;
    await this.state.update(SORT_KEY, choice);
    this.tree.refreshSoon();
  }

  async pickFilter(states?: TenantState[]): Promise<void> {
    let chosen = states;
    if (!chosen) {
      const picks = await vscode.window.showQuickPick(
        FILTERABLE.map((s) => ({ label: `$(${look(s).icon}) ${look(s).label}`, state: s, picked: this.tree.filter?.has(s) ?? false })),
        { title: vscode.l10n.t('Show Tenants With Status'), canPickMany: true, placeHolder: vscode.l10n.t('Pick none to show all') },
      );
      if (!picks) return;
      chosen = picks.map((p) => p.state);
    }
    this.tree.filter = chosen.length ? new Set(chosen) : undefined;
    await this.state.update(FILTER_KEY, chosen);
    await vscode.commands.executeCommand('setContext', 'partnerCenter.filtered', !!this.tree.filter);
    this.tree.refreshSoon();
    this.update(false);
  }

  /** Refreshes the view's description (counts) and message (sign-in, filter, ignored workspace settings). */
  update(signedIn: boolean, notes: string[] = []): void {
    const ids = this.tree.tenantIds;
    const c = this.store.book.counts(ids);
    const parts = [
      c.Approved + c.NotVetted && vscode.l10n.t('{0} approved', c.Approved + c.NotVetted),
      c.InReview && vscode.l10n.t('{0} in review', c.InReview),
      c.Denied && vscode.l10n.t('{0} denied', c.Denied),
      c.Unknown && vscode.l10n.t('{0} unknown', c.Unknown),
      c.None && vscode.l10n.t('{0} none', c.None),
      c.Error && vscode.l10n.t('{0} failed', c.Error),
    ].filter(Boolean);
    this.view.description = parts.join(', ') || undefined;
    // the description is hidden while this is the container's only view, so the counts also lead the message
    const messages = parts.length ? [`${parts.join(' · ')}.`, ...notes] : [...notes];
    if (ids.length && !signedIn) messages.push(vscode.l10n.t('Not signed in: run "Partner Center: Sign In" to check these tenants.'));
    if (this.tree.filter) messages.push(vscode.l10n.t('Filtered: {0}.', [...this.tree.filter].map((s) => look(s).label).join(', ')));
    this.view.message = messages.join(' ') || undefined;
    void vscode.commands.executeCommand('setContext', 'partnerCenter.tenantCount', ids.length);
    void vscode.commands.executeCommand('setContext', 'partnerCenter.problemCount', this.tree.problems.length);
  }
}
