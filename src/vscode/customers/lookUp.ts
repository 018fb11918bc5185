// Look Up Qualification: one quick pick that takes a company name, a domain or a tenant id. Configured
// tenants match at once; Partner Center's search results follow as the user types (debounced); a full
// tenant id needs no search. The answer opens in a second quick pick that stays until dismissed.
import * as vscode from 'vscode';
import { createPick, showError, ShownItem } from '../display/window';
import { l10n } from '../display/l10n';
import { icon, plainText, text } from '../../core/display/safeText';
import { PartnerCenterError, isPartnerCenterError } from '../../core/client/errors';
import { Logger } from '../../core/log';
import { QualificationsResult } from '../../core/model/qualification';
import { normalizeTenantId } from '../../core/model/tenantId';
import { DebouncedSearch, LOOK_UP_DEBOUNCE_MS } from '../../core/search/debouncedSearch';
import { abortSignalOf } from '../cancellation';
import { Connection } from '../connection/connection';
import { StatusStore } from '../statusStore';
import { addTenant } from './customersSetting';
import { CustomersTree } from '../view/tree';
import { showFailure } from '../userMessages';
import { Candidate, localCandidates, matchLocal, searchCandidates, typedTenantId } from './candidates';
import { DirectoryStore } from './directoryStore';
import { LookUpAnswer, QuickPickFactory, ResultAction, ResultItem, showAnswer } from './resultPick';

export interface CustomersDeps {
  readonly connection: Connection;
  readonly tree: CustomersTree;
  readonly store: StatusStore;
  readonly directory: DirectoryStore;
  readonly logger: Logger;
}


/** Arguments for scripts and tests (quick picks cannot be driven by hand there). */
export interface LookUpArgs {
  /** Look up without the first quick pick: the first match of this name, domain or id (or `pick`). */
  readonly query?: string;
  /** The tenant id to take among the matches. */
  readonly pick?: string;
  /** Add the picked tenant to the workspace with its name and result. */
  readonly add?: boolean;
  readonly folder?: vscode.WorkspaceFolder;
  /** Quick picks to use instead of VS Code's (tests drive the real flow through them). */
  readonly createQuickPick?: QuickPickFactory<LookUpItem>;
  readonly createResultPick?: QuickPickFactory<ResultItem>;
}

export interface LookUpOutcome extends LookUpAnswer {
  readonly candidates: readonly Candidate[];
  readonly candidate?: Candidate;
  readonly actions?: readonly ResultAction[];
  readonly added?: boolean;
}

export type LookUpItem = ShownItem & {
  readonly candidate?: Candidate;
  readonly signIn?: boolean;
};

/** `partnerCenter.lookUp`: a string (tenant id, name or domain) returns the result like before; args return the outcome. */
export async function lookUpCommand(deps: CustomersDeps, arg?: unknown): Promise<QualificationsResult | LookUpOutcome | undefined> {
  if (typeof arg === 'string') {
    const outcome = await lookUpQuery(deps, { query: arg });
    if (outcome.error && !outcome.candidate) void showFailure(outcome.error);
    else if (!outcome.candidate) void showError(l10n.t('No customer matches "{0}".', plainText(arg)));
    else if (outcome.error) void showFailure(outcome.error, outcome.candidate.name ?? outcome.candidate.tenantId);
    return outcome.result;
  }
  const args = (arg && typeof arg === 'object' ? arg : {}) as LookUpArgs;
  if (args.query !== undefined) return lookUpQuery(deps, args);
  return lookUpInteractive(deps, args);
}

async function lookUpQuery(deps: CustomersDeps, args: LookUpArgs): Promise<LookUpOutcome> {
  const query = args.query ?? '';
  const local = localCandidates(deps.tree, deps.directory);
  const id = typedTenantId(query);
  let candidates: Candidate[];
  if (id) {
    candidates = [local.find((c) => c.tenantId === id) ?? { tenantId: id, configured: false }];
  } else {
    candidates = matchLocal(local, query);
    try {
      const live = await deps.connection.get();
      const found = await searchCandidates(live, query, new Set(local.map((c) => c.tenantId)), new AbortController().signal);
      deps.directory.learn(found.map(toCustomer));
      for (const c of found) if (!candidates.some((x) => x.tenantId === c.tenantId)) candidates.push(c);
    } catch (e) {
      return { candidates, error: asError(e) };
    }
  }
  const wanted = normalizeTenantId(args.pick);
  const candidate = wanted ? candidates.find((c) => c.tenantId === wanted) : candidates[0];
  if (!candidate) return { candidates };
  const answer = await fetchAnswer(deps, candidate);
  const added = args.add && answer.result ? await addToWorkspace(deps, candidate, answer.result, args.folder) : undefined;
  if (args.createResultPick) {
    const actions = await showAnswer(candidate, answer, () => addToWorkspace(deps, candidate, answer.result!, args.folder), args.createResultPick);
    return { candidates, candidate, ...answer, actions, added };
  }
  return { candidates, candidate, ...answer, added };
}

async function fetchAnswer(deps: CustomersDeps, c: Candidate, signal?: AbortSignal): Promise<LookUpAnswer> {
  try {
    const live = await deps.connection.get();
    const result = await live.runner.fetchOne(c.tenantId, { signal });
    if (c.configured) deps.store.succeeded(result);
    return { result };
  } catch (e) {
    return { error: asError(e) };
  }
}

/** Writes { tenantId, name } (the name when known) and keeps the result just fetched: no second call. */
export async function addToWorkspace(deps: CustomersDeps, c: Candidate, result: QualificationsResult, folder?: vscode.WorkspaceFolder): Promise<boolean> {
  if (c.name) deps.directory.learn([toCustomer(c)]);
  const id = await addTenant(deps.tree, { tenantId: c.tenantId, name: c.name, folder });
  if (!id) return false;
  deps.store.succeeded(result);
  // what Partner Center said about the customer (name, default domain) is kept with it: reports and the
  // chat tools describe the tenant by it after a reload too
  await Promise.all([deps.store.flush(), deps.directory.flush()]);
  return true;
}

async function lookUpInteractive(deps: CustomersDeps, args: LookUpArgs): Promise<LookUpOutcome> {
  const qp = (args.createQuickPick ?? createPick<LookUpItem>)();
  qp.title = l10n.t('Partner Center: Look Up Qualification');
  qp.placeholder = l10n.t('Company name, domain or tenant id');
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.ignoreFocusOut = true;
  const local = localCandidates(deps.tree, deps.directory);
  const configured = new Set(local.map((c) => c.tenantId));
  let remote: { query: string; found: Candidate[] } | undefined;
  let searchError: string | undefined;
  let signedIn: boolean | undefined;

  const render = () => {
    const value = qp.value;
    const id = typedTenantId(value);
    const items: LookUpItem[] = [];
    if (signedIn === false) {
      items.push({ label: text`${icon('sign-in')} ${l10n.t('Sign In')}`, description: l10n.t('Not signed in: searching Partner Center and looking up need a sign-in'), alwaysShow: true, signIn: true });
    }
    const mine = matchLocal(local, value);
    if (id && !mine.some((c) => c.tenantId === id)) items.push({ label: text`${icon('search')} ${l10n.t('Look up {0}', plainText(id))}`, alwaysShow: true, candidate: { tenantId: id, configured: false } });
    if (mine.length) items.push({ label: l10n.t('In this workspace'), kind: vscode.QuickPickItemKind.Separator }, ...mine.map((c) => toItem(c)));
    const theirs = remote && value.trim().toLowerCase().startsWith(remote.query.toLowerCase()) ? remote.found.filter((c) => !configured.has(c.tenantId)) : [];
    if (theirs.length) items.push({ label: l10n.t('Partner Center'), kind: vscode.QuickPickItemKind.Separator }, ...theirs.map((c) => toItem(c)));
    if (searchError) items.push({ label: text`${icon('warning')} ${plainText(searchError)}`, alwaysShow: true });
    else if (remote && remote.query === value.trim() && !theirs.length && !mine.length && !id) items.push({ label: l10n.t('No customer starts with "{0}"', plainText(remote.query)), alwaysShow: true });
    qp.items = items;
  };

  const search = new DebouncedSearch<Candidate[]>({
    delayMs: LOOK_UP_DEBOUNCE_MS,
    accepts: (q) => signedIn !== false && q.trim().length >= 2 && !typedTenantId(q),
    search: async (q, signal) => searchCandidates(await deps.connection.get(), q, configured, signal),
    onBusy: (busy) => (qp.busy = busy),
    onResults: (q, found) => {
      remote = { query: q.trim(), found };
      searchError = undefined;
      deps.directory.learn(found.map(toCustomer));
      render();
      deps.logger.debug(`look-up search "${q}": ${found.length} customer(s) ${Math.round(performance.now() - (search.lastSearchStartedAt ?? 0))} ms after the debounce`);
    },
    onError: (_q, e) => {
      searchError = asError(e).message;
      render();
    },
  });

  qp.onDidChangeValue((v) => {
    searchError = undefined;
    render();
    search.set(v);
  });
  render();
  qp.show();
  void deps.connection.isSignedIn().then((s) => {
    signedIn = s;
    render();
    if (s) search.set(qp.value);
  });

  const picked = await new Promise<LookUpItem | undefined>((resolve) => {
    qp.onDidAccept(() => {
      const item = qp.selectedItems[0] ?? (typedTenantId(qp.value) ? { label: text``, candidate: { tenantId: typedTenantId(qp.value)!, configured: configured.has(typedTenantId(qp.value)!) } } : undefined);
      if (item?.candidate || item?.signIn) resolve(item);
    });
    qp.onDidHide(() => resolve(undefined));
  });
  search.dispose();
  if (picked?.signIn) {
    qp.hide();
    const value = qp.value;
    qp.dispose();
    if (await vscode.commands.executeCommand<boolean>('partnerCenter.signIn')) {
      return lookUpInteractive(deps, { ...args, createQuickPick: () => { const next = (args.createQuickPick ?? createPick<LookUpItem>)(); next.value = value; return next; } });
    }
    return { candidates: [] };
  }
  const candidate = picked?.candidate;
  if (!candidate) {
    qp.dispose();
    return { candidates: [] };
  }
  // the quick pick stays while the answer is on its way, busy, so Escape can still cancel
  qp.busy = true;
  qp.enabled = false;
  qp.title = l10n.t('Looking up {0}...', plainText(candidate.name ?? candidate.tenantId));
  const cancel = new vscode.CancellationTokenSource();
  const hidden = qp.onDidHide(() => cancel.cancel());
  const abort = abortSignalOf(cancel.token);
  const answer = await fetchAnswer(deps, candidate, abort.signal);
  abort.dispose();
  hidden.dispose();
  const cancelled = cancel.token.isCancellationRequested;
  cancel.dispose();
  qp.dispose();
  if (cancelled || answer.error?.kind === 'cancelled') return { candidates: [candidate], candidate };
  deps.logger.info(`look-up: ${candidate.tenantId}${candidate.name ? ` (${candidate.name})` : ''}: ${answer.error ? answer.error.kind : `${answer.result!.qualifications.length} qualification(s)`}`);
  let added = false;
  const actions = await showAnswer(candidate, answer, async () => (added = await addToWorkspace(deps, candidate, answer.result!, args.folder)), args.createResultPick);
  return { candidates: [candidate], candidate, ...answer, actions, added };
}

function toItem(c: Candidate): LookUpItem {
  return {
    // no status icon here: a search result's status is not known until it is looked up
    label: plainText(c.name ?? c.tenantId),
    // workspace tenants come under their own heading ("In this workspace"): the row need not say it again
    description: c.domain ? plainText(c.domain) : undefined,
    detail: c.name ? plainText(c.tenantId) : undefined,
    alwaysShow: true,
    candidate: c,
  };
}

function toCustomer(c: Candidate) {
  return { tenantId: c.tenantId, ...(c.name ? { companyName: c.name } : {}), ...(c.domain ? { domain: c.domain } : {}), ...(c.relationship ? { relationship: c.relationship } : {}) };
}

function asError(e: unknown): PartnerCenterError {
  return isPartnerCenterError(e) ? e : new PartnerCenterError('network', String((e as Error)?.message ?? e));
}
