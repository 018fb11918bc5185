// The Customers tree: tenants from settings (grouped by folder in multi-root workspaces), their
// qualifications, the error of the last fetch, and warning rows for bad setting entries.
import * as vscode from 'vscode';
import { ConfiguredTenant, DomainEntry, EntryProblem, entryLabel } from '../../core/model/customerEntries';
import { DomainResolution, KnownCustomer } from '../../core/model/customerDirectory';
import { Qualification, qualificationKeys } from '../../core/model/qualification';
import { TenantState, TenantStatus, tenantState } from '../../core/model/tenantStatus';
import { Markdown, singleLine } from '../../core/display/safeText';
import { hover } from '../display/hover';
import { failureDetail, qualificationTooltip, tenantTooltip } from './tooltips';
import { ago, icon, look, qualificationsSummary, statusLabel } from './presentation';
import { FolderCustomers, readCustomers } from '../settings';
import { StatusStore } from '../statusStore';
import { domainProblem } from './domainWords';

export const URI_SCHEME = 'partner-center';

export type Node =
  | { readonly kind: 'folder'; readonly group: FolderCustomers }
  | { readonly kind: 'tenant'; readonly tenant: ConfiguredTenant; readonly folder?: vscode.WorkspaceFolder }
  | { readonly kind: 'qualification'; readonly parent: TenantNode; readonly qualification: Qualification; readonly key: string }
  | { readonly kind: 'message'; readonly parent: TenantNode; readonly text: string; readonly state: TenantState; readonly detail?: Markdown }
  | { readonly kind: 'problem'; readonly problem: EntryProblem; readonly folder?: vscode.WorkspaceFolder }
  /** A domain entry not (or not uniquely) resolved to a tenant yet. */
  | { readonly kind: 'domain'; readonly entry: DomainEntry; readonly resolution?: DomainResolution; readonly folder?: vscode.WorkspaceFolder; readonly duplicateOf?: string }
  | { readonly kind: 'page'; readonly group: FolderCustomers; readonly from: number; readonly tenants: readonly TenantNode[] };

export type TenantNode = Extract<Node, { kind: 'tenant' }>;

/** The tenant a row belongs to (its own row, a qualification or message under it), for row commands. */
export function tenantOf(node?: Node): TenantNode | undefined {
  return node?.kind === 'tenant' ? node : node?.kind === 'qualification' || node?.kind === 'message' ? node.parent : undefined;
}

export type SortOrder = 'name' | 'status';

/** What another feature adds to rows (src/vscode/changes: since when, what it was, changed by the last refresh). */
export interface RowNotes {
  /** `was`: "(was In review)" after the status; `changed`: "changed from In review", the mark of the latest refresh. */
  qualification(tenantId: string, q: Qualification): { readonly was?: string; readonly changed?: string } | undefined;
  /** Markdown appended to the qualification's tooltip (when the change was seen, the mark). */
  qualificationTooltip(tenantId: string, q: Qualification): Markdown | undefined;
  /** Markdown appended to the tenant's tooltip. */
  tenantTooltip(tenantId: string): Markdown | undefined;
  /** Whether the latest refresh (or a watch check since) changed one of the tenant's qualifications. */
  tenantChanged(tenantId: string, qualifications: readonly Qualification[]): boolean;
}

/** What Partner Center's customer directory told us (company names, domains), read by the rows. */
export interface CustomerDirectoryView {
  customer(tenantId: string): KnownCustomer | undefined;
  domain(domain: string): DomainResolution | undefined;
}

export const tenantUri = (tenantId: string) => vscode.Uri.from({ scheme: URI_SCHEME, path: `/tenant/${tenantId}` });
export const qualificationUri = (tenantId: string, name: string) => vscode.Uri.from({ scheme: URI_SCHEME, path: `/tenant/${tenantId}/${encodeURIComponent(name)}` });
export const messageUri = (tenantId: string, state: TenantState) => vscode.Uri.from({ scheme: URI_SCHEME, path: `/tenant/${tenantId}/-/${state}` });

// built on the first sort, not at load: the first Intl.Collator of a process loads ICU data (about 6 ms)
let collator: Intl.Collator | undefined;
const compareNames = (a: string, b: string) => (collator ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })).compare(a, b);

const STATUS_ORDER: TenantState[] = ['Error', 'Denied', 'InReview', 'Unknown', 'Unchecked', 'Approved', 'NotVetted', 'None'];
const STATUS_RANK = new Map(STATUS_ORDER.map((s, i) => [s, i]));

/**
 * A level with more tenants than this lists them in pages of this many: VS Code builds and sends every row
 * of a level at once, and 100,000 rows froze the extension host for seconds.
 */
export const PAGE_SIZE = 1000;

export class CustomersTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private groups: FolderCustomers[] = [];
  private pending?: NodeJS.Timeout;
  /** Each group's tenants in name order, sorted once per reload (names change only with the setting). */
  private byName = new WeakMap<FolderCustomers, readonly ConfiguredTenant[]>();
  private ids?: string[];
  /** Each listed tenant by id (first listing), built on the first name asked for after a change. */
  private byId?: Map<string, ConfiguredTenant>;
  sort: SortOrder = 'name';
  filter: ReadonlySet<TenantState> | undefined;
  /** Set by the customers feature; without it domain entries stay unresolved and names come from settings. */
  directory?: CustomerDirectoryView;
  notes?: RowNotes;

  private readonly storeChanged: vscode.Disposable;

  constructor(private readonly store: StatusStore) {
    this.reload();
    // every change of what is known repaints the rows (refresh, look-up, sign-out, undo), coalesced
    this.storeChanged = store.onDidChange(() => this.refreshSoon());
  }

  /** Partner Center told us more (a domain resolved, a company name): the tenant list and name order may change. */
  directoryChanged(): void {
    this.ids = undefined;
    this.byId = undefined;
    this.byName = new WeakMap();
    this.refreshSoon();
  }

  /** Re-reads the customers setting. */
  reload(): void {
    this.groups = readCustomers();
    this.ids = undefined;
    this.byId = undefined;
    this.changed.fire(undefined);
  }

  /** Coalesces bursts of changes into one repaint. */
  refreshSoon(delayMs = 50): void {
    this.pending ??= setTimeout(() => {
      this.pending = undefined;
      this.changed.fire(undefined);
    }, delayMs);
  }

  /** Results streaming in: repaint less often the longer the list (at most once a second for 100,000). */
  resultsArrived(): void {
    this.refreshSoon(Math.min(1000, Math.max(50, this.groups.reduce((n, g) => n + g.tenants.length, 0) / 100)));
  }

  get tenants(): ConfiguredTenant[] {
    return this.groups.flatMap((g) => this.groupTenants(g));
  }

  /** Domain entries of every group (resolved or not). */
  get domainEntries(): DomainEntry[] {
    return this.groups.flatMap((g) => g.domains);
  }

  /** The row label: the configured name, else the company name from Partner Center, else the domain or id. */
  displayName(t: ConfiguredTenant): string {
    return t.name ?? this.directory?.customer(t.tenantId)?.companyName ?? t.domain ?? t.tenantId;
  }

  /** A tenant as reports and chat tools describe it: the name shown on its row, its default domain when known. */
  described(t: ConfiguredTenant): ConfiguredTenant {
    const known = this.directory?.customer(t.tenantId);
    const name = t.name ?? known?.companyName;
    const domain = t.domain ?? known?.domain;
    return { ...t, ...(name ? { name } : {}), ...(domain ? { domain } : {}) };
  }

  /** A group's tenants: listed by id, then domain entries resolved to a tenant not listed already. */
  private groupTenants(group: FolderCustomers): ConfiguredTenant[] {
    return this.domainsOf(group).tenants;
  }

  /**
   * Domain entries still without their one tenant (not resolved yet, none, several, failed), and those whose
   * tenant the list already holds (by id or an earlier domain): a duplicate is flagged, as a repeated id is.
   */
  private domainNodes(group: FolderCustomers): Node[] {
    return this.domainsOf(group).rows;
  }

  /** One pass over a group's domain entries: the tenants they add, and the rows of those that add none. */
  private domainsOf(group: FolderCustomers): { tenants: ConfiguredTenant[]; rows: Node[] } {
    if (!group.domains.length) return { tenants: group.tenants, rows: [] };
    const listed = new Map(group.tenants.map((t) => [t.tenantId, t] as const));
    const rows: Node[] = [];
    for (const entry of group.domains) {
      const resolution = this.directory?.domain(entry.domain);
      const first = resolution?.kind === 'resolved' ? listed.get(resolution.tenantId) : undefined;
      if (resolution?.kind !== 'resolved') rows.push({ kind: 'domain', entry, resolution, folder: group.folder });
      else if (first) rows.push({ kind: 'domain', entry, resolution, folder: group.folder, duplicateOf: this.displayName(first) });
      else listed.set(resolution.tenantId, { tenantId: resolution.tenantId, index: entry.index, domain: entry.domain, ...(entry.name ? { name: entry.name } : {}) });
    }
    return { tenants: [...listed.values()], rows };
  }

  /** Each configured tenant once, even when two folders list it (kept until the next reload). */
  get tenantIds(): string[] {
    return (this.ids ??= [...new Set(this.tenants.map((t) => t.tenantId))]);
  }

  /** A listed tenant by id (any case), or undefined. */
  tenant(tenantId: string): ConfiguredTenant | undefined {
    this.byId ??= new Map(this.tenants.reverse().map((t) => [t.tenantId, t] as const));
    return this.byId.get(tenantId.toLowerCase());
  }

  /** A listed tenant's name as its row shows it (for log lines); undefined when the row shows only the id. */
  nameOf(tenantId: string): string | undefined {
    const t = this.tenant(tenantId);
    const name = t && this.displayName(t);
    return name === t?.tenantId ? undefined : name;
  }

  /** How every message and pick names a tenant: its row's name, or the id of a tenant not listed. */
  tenantName(tenantId: string): string {
    return this.nameOf(tenantId) ?? tenantId;
  }

  /** Name, domain and id together, for the confirmation of a write: "Litware (litware.com, 0000…0006)". */
  fullName(t: ConfiguredTenant): string {
    const name = this.displayName(t);
    const more = [this.described(t).domain, t.tenantId].filter((x) => x && x !== name);
    return more.length ? `${name} (${more.join(', ')})` : name;
  }

  get problems(): EntryProblem[] {
    return this.groups.flatMap((g) => g.problems);
  }

  /** Every tenant in the view's order, each once, as filtered (or all of them): what an export holds. */
  shownTenants(ignoreFilter = false): ConfiguredTenant[] {
    const seen = new Set<string>();
    return this.groups.flatMap((g) => this.tenantNodes(g, ignoreFilter)).map((n) => n.tenant).filter((t) => !seen.has(t.tenantId) && seen.add(t.tenantId));
  }

  /** The tenant nodes, sorted and filtered as the tree shows them. */
  tenantNodes(group: FolderCustomers, ignoreFilter = false): TenantNode[] {
    const byState = (t: ConfiguredTenant) => tenantState(this.store.book.get(t.tenantId));
    const filter = ignoreFilter ? undefined : this.filter;
    let tenants = this.nameOrder(group);
    if (filter) tenants = tenants.filter((t) => filter.has(byState(t)));
    if (this.sort === 'status') {
      // a stable sort by rank keeps name order within a status, without comparing names again
      tenants = tenants.map((t) => ({ t, rank: STATUS_RANK.get(byState(t)) ?? 0 })).sort((a, b) => a.rank - b.rank).map((x) => x.t);
    }
    return tenants.map((tenant) => ({ kind: 'tenant', tenant, folder: group.folder }));
  }

  /** Tenants of a group in name order, sorted once per reload (domains resolved later re-sort: see directoryChanged). */
  private nameOrder(group: FolderCustomers): readonly ConfiguredTenant[] {
    let sorted = this.byName.get(group);
    if (!sorted) {
      sorted = this.groupTenants(group).map((t) => ({ t, key: this.displayName(t) })).sort((a, b) => compareNames(a.key, b.key)).map((x) => x.t);
      this.byName.set(group, sorted);
    }
    return sorted;
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      if (this.groups.length > 1) return this.groups.filter((g) => g.tenants.length || g.problems.length || g.domains.length).map((group) => ({ kind: 'folder', group }));
      const [group] = this.groups;
      return group ? this.groupChildren(group) : [];
    }
    if (node.kind === 'folder') return this.groupChildren(node.group);
    if (node.kind === 'page') return [...node.tenants];
    if (node.kind !== 'tenant') return [];
    const status = this.store.book.get(node.tenant.tenantId);
    const rows: Node[] = [];
    if (status?.failure) rows.push({ kind: 'message', parent: node, text: status.failure.message, state: 'Error', detail: failureDetail(status) });
    if (status?.lastGood) {
      const q = status.lastGood.qualifications;
      if (q.length === 0) rows.push({ kind: 'message', parent: node, text: vscode.l10n.t('No qualification'), state: 'None' });
      const keys = qualificationKeys(q);
      q.forEach((qualification, i) => rows.push({ kind: 'qualification', parent: node, qualification, key: keys[i]! }));
    } else if (!status) {
      rows.push({ kind: 'message', parent: node, text: vscode.l10n.t('Not checked yet: refresh to fetch'), state: 'Unchecked' });
    }
    return rows;
  }

  private groupChildren(group: FolderCustomers): Node[] {
    const problems = group.problems.map((problem): Node => ({ kind: 'problem', problem, folder: group.folder }));
    const tenants = this.tenantNodes(group);
    if (tenants.length <= PAGE_SIZE) return [...problems, ...this.domainNodes(group), ...tenants];
    const pages: Node[] = [];
    for (let from = 0; from < tenants.length; from += PAGE_SIZE) pages.push({ kind: 'page', group, from, tenants: tenants.slice(from, from + PAGE_SIZE) });
    return [...problems.slice(0, PAGE_SIZE), ...this.domainNodes(group).slice(0, PAGE_SIZE), ...pages];
  }

  /** Tooltips are built on hover: VS Code asks for every row's item at once, and 10,000 tooltips cost. */
  resolveTreeItem(item: vscode.TreeItem, node: Node): vscode.TreeItem {
    if (node.kind === 'tenant') {
      const status = this.store.book.get(node.tenant.tenantId);
      const tooltip = tenantTooltip(node.tenant, this.displayName(node.tenant), this.directory?.customer(node.tenant.tenantId), status, tenantState(status), this.notes?.tenantTooltip(node.tenant.tenantId));
      item.tooltip = tooltip;
    } else if (node.kind === 'qualification') {
      const tooltip = qualificationTooltip(node.qualification, this.notes?.qualificationTooltip(node.parent.tenant.tenantId, node.qualification));
      item.tooltip = tooltip;
    }
    return item;
  }

  getParent(node: Node): Node | undefined {
    if (node.kind === 'qualification' || node.kind === 'message') return node.parent;
    const multi = this.groups.length > 1;
    if (node.kind === 'page') return multi ? { kind: 'folder', group: node.group } : undefined;
    if (node.kind === 'tenant' || node.kind === 'problem' || node.kind === 'domain') {
      const group = multi ? this.groups.find((g) => g.folder?.uri.toString() === node.folder?.uri.toString()) : this.groups[0];
      if (group && node.kind === 'tenant') {
        const list = this.tenantNodes(group);
        const i = list.findIndex((t) => t.tenant.tenantId === node.tenant.tenantId);
        if (list.length > PAGE_SIZE && i >= 0) {
          const from = i - (i % PAGE_SIZE);
          return { kind: 'page', group, from, tenants: list.slice(from, from + PAGE_SIZE) };
        }
      }
      return group && multi ? { kind: 'folder', group } : undefined;
    }
    return undefined;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'folder': {
        const { folder } = node.group;
        // the window's own group: tenants from the workspace file or user settings
        const item = new vscode.TreeItem(folder?.name ?? vscode.workspace.name ?? vscode.l10n.t('Workspace'), vscode.TreeItemCollapsibleState.Expanded);
        item.id = `folder:${folder?.uri.toString() ?? ''}`;
        item.iconPath = folder ? vscode.ThemeIcon.Folder : new vscode.ThemeIcon('root-folder');
        item.resourceUri = folder?.uri;
        item.tooltip = folder ? folder.uri.fsPath : vscode.l10n.t('Tenants from the workspace file or your user settings');
        const { tenants, problems } = node.group;
        item.description = [
          tenants.length === 1 ? vscode.l10n.t('1 tenant') : vscode.l10n.t('{0} tenants', tenants.length),
          problems.length ? vscode.l10n.t('{0} to fix', problems.length) : undefined,
        ].filter(Boolean).join(' · ');
        item.contextValue = 'folder';
        return item;
      }
      case 'problem': {
        const item = new vscode.TreeItem(node.problem.message, vscode.TreeItemCollapsibleState.None);
        item.id = `problem:${node.folder?.uri.toString()}:${node.problem.index}`;
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
        // the row is cut at the side bar's width: the hover says all of it
        item.tooltip = `${node.problem.message}\n\n${vscode.l10n.t('Click to open the settings file at this entry of partnerCenter.customers.')}`;
        item.contextValue = 'problem';
        item.command = { command: 'partnerCenter.openSettings', title: vscode.l10n.t('Open Settings'), arguments: [node] };
        return item;
      }
      case 'domain': return domainItem(node);
      case 'page': {
        const first = node.tenants[0]!.tenant;
        const last = node.tenants[node.tenants.length - 1]!.tenant;
        const item = new vscode.TreeItem(vscode.l10n.t('Tenants {0}–{1}', (node.from + 1).toLocaleString(), (node.from + node.tenants.length).toLocaleString()), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `page:${node.group.folder?.uri.toString() ?? ''}:${node.from}`;
        item.iconPath = new vscode.ThemeIcon('list-unordered');
        item.description = `${singleLine(this.displayName(first), 40)} … ${singleLine(this.displayName(last), 40)}`;
        item.contextValue = 'page';
        return item;
      }
      case 'tenant': return this.tenantItem(node);
      case 'qualification': {
        const q = node.qualification;
        const item = new vscode.TreeItem(singleLine(q.name, 64), vscode.TreeItemCollapsibleState.None);
        item.id = `q:${node.parent.folder?.uri.toString()}:${node.parent.tenant.tenantId}:${node.key}`;
        const note = this.notes?.qualification(node.parent.tenant.tenantId, q);
        // short for a narrow side bar (the mark before the reason, which may be long); the dates (vetting,
        // change seen) are in the tooltip, each named
        const status = statusLabel(q.status, q.rawStatus);
        const head = note?.changed ? [status, note.changed] : [note?.was ? `${status} ${note.was}` : status];
        // a denial's reason leads (the red icon says Denied): at the default width it is all the row has room for
        item.description = (q.status === 'Denied' && q.reason ? [singleLine(q.reason), ...head] : [...head, q.reason && singleLine(q.reason)]).filter(Boolean).join(' · ');
        item.accessibilityInformation = { label: [q.name, status, q.reason && singleLine(q.reason), ...head.slice(1)].filter(Boolean).join(', ') };
        item.iconPath = icon(q.status);
        if (note?.changed) { const label = singleLine(q.name, 64); item.label = { label, highlights: [[0, label.length]] }; }
        item.resourceUri = qualificationUri(node.parent.tenant.tenantId, q.name);
        item.contextValue = 'qualification';
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(singleLine(node.text), vscode.TreeItemCollapsibleState.None);
        item.id = `m:${node.parent.folder?.uri.toString()}:${node.parent.tenant.tenantId}:${node.state}`;
        item.iconPath = icon(node.state);
        item.resourceUri = messageUri(node.parent.tenant.tenantId, node.state);
        item.tooltip = node.detail ? hover(node.detail) : singleLine(node.text);
        item.contextValue = node.state === 'Error' ? 'tenantError' : 'message';
        return item;
      }
    }
  }

  private tenantItem(node: TenantNode): vscode.TreeItem {
    const { tenant } = node;
    const status = this.store.book.get(tenant.tenantId);
    const state = tenantState(status);
    const label = singleLine(this.displayName(tenant));
    const changed = status?.lastGood && this.notes?.tenantChanged(tenant.tenantId, status.lastGood.qualifications);
    // a changed tenant's name is highlighted, as its changed qualification's is: it shows however narrow the row
    // a denied tenant opens with its qualifications: the reason fits on the child row, not after the name
    const open = state === 'Denied' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(changed ? { label, highlights: [[0, label.length]] } : label, open);
    // a new id when it turns Denied: VS Code applies the expanded state to rows it has not shown yet only
    item.id = `t:${node.folder?.uri.toString()}:${tenant.tenantId}${state === 'Denied' ? ':denied' : ''}`;
    item.iconPath = icon(state);
    item.resourceUri = tenantUri(tenant.tenantId);
    item.contextValue = 'tenant';
    // what the tenant holds leads (the side bar is narrow); then how old that is. The id is in the tooltip.
    const qualifications = status?.lastGood?.qualifications;
    // a result from before sign-out or from the last session says so first: the side bar cuts what follows
    const mark = markText(status);
    item.description = [mark, qualifications && qualificationsSummary(qualifications, state), checkedText(status)].filter(Boolean).join(' · ');
    // a screen reader gets every status word the icon stands for
    item.accessibilityInformation = { label: [label, look(state).label, mark, qualifications && qualificationsSummary(qualifications), checkedText(status), changed && vscode.l10n.t('changed by the latest refresh')].filter(Boolean).join(', ') };
    return item;
  }

  dispose(): void {
    if (this.pending) clearTimeout(this.pending);
    this.storeChanged.dispose();
    this.changed.dispose();
  }
}

/** The age of what the row shows: "5 min ago", "failed just now", "yesterday". */
function checkedText(s: TenantStatus | undefined): string {
  if (!s) return vscode.l10n.t('not checked');
  const at = s.failure && (!s.lastGood || s.failure.at >= s.lastGood.checkedAt) ? s.failure.at : s.lastGood!.checkedAt;
  const when = s.failure && at === s.failure.at ? vscode.l10n.t('failed {0}', ago(at)) : ago(at);
  return when;
}

/** "before sign-out", "last session": the answer shown is not from this session's sign-in (never for a failure after it). */
function markText(s: TenantStatus | undefined): string | undefined {
  if (!s || (s.lastGood && s.failure && s.failure.at >= s.lastGood.checkedAt)) return undefined;
  return s.signedOut ? vscode.l10n.t('before sign-out') : s.stale ? vscode.l10n.t('last session') : undefined;
}

/** A domain entry without its one tenant: the domain until resolved, then what went wrong (entry from 1). */
function domainItem(node: Extract<Node, { kind: 'domain' }>): vscode.TreeItem {
  const { entry, resolution: r } = node;
  const at = entryLabel(entry.index);
  const problem = domainProblem(entry.domain, r, node.duplicateOf);
  const label = !r ? entry.name ?? entry.domain : problem ? `${at}: ${problem}` : entry.domain;
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = `domain:${node.folder?.uri.toString()}:${entry.index}`;
  item.iconPath = r ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('globe');
  item.description = r ? undefined : entry.name ? vscode.l10n.t('{0} · resolved on refresh', entry.domain) : vscode.l10n.t('domain, resolved on refresh');
  // the row is cut at the side bar's width: the hover says all of it, and what a click does
  const open = vscode.l10n.t('Click to open the settings file at this entry of partnerCenter.customers.');
  item.tooltip = node.duplicateOf !== undefined ? `${label}\n\n${vscode.l10n.t('Its tenant is in the list already: delete the entry.')} ${open}`
    : r ? `${label}\n\n${vscode.l10n.t('Fix the entry, or refresh to try again.')} ${open}` : vscode.l10n.t('Refresh finds the customer with the domain {0} in Partner Center.', entry.domain);
  item.contextValue = 'domain';
  item.command = { command: 'partnerCenter.openSettings', title: vscode.l10n.t('Open Settings'), arguments: [node] };
  return item;
}
