// The customers feature: Look Up Qualification by name, domain or id, Import Customers, domain entries
// and company names in the tree (resolved with Refresh All), and Add Tenant (an id or a domain) fetching the new tenant.
import * as vscode from 'vscode';
import { Logger } from '../../core/log';
import { normalizeTenantId } from '../../core/model/tenantId';
import { Connection } from '../connection/connection';
import { Refresher } from '../refresh/refresh';
import { StatusStore } from '../statusStore';
import { AddTenantArgs, addTenant } from './customersSetting';
import { CustomersTree } from '../view/tree';
import { domainProblem } from '../view/domainWords';
import { plainText } from '../../core/display/safeText';
import { l10n } from '../display/l10n';
import { withProgress } from '../display/window';
import { DirectoryRefresh } from './directoryRefresh';
import { DirectoryStore } from './directoryStore';
import { ImportArgs, importCustomers } from './importCustomers';
import { CustomersDeps, lookUpCommand } from './lookUp';

export function registerCustomers(context: vscode.ExtensionContext, connection: Connection, tree: CustomersTree, store: StatusStore, refresher: Refresher, logger: Logger): DirectoryStore {
  const directory = new DirectoryStore(context.workspaceState, logger);
  const deps: CustomersDeps = { connection, tree, store, directory, logger };
  tree.directory = directory;
  const directoryRefresh = new DirectoryRefresh(tree, directory, logger);
  refresher.extras = directoryRefresh;
  context.subscriptions.push(
    directory,
    directory.onDidChange(() => tree.directoryChanged()),
    vscode.commands.registerCommand('partnerCenter.lookUp', (arg?: unknown) => lookUpCommand(deps, arg)),
    vscode.commands.registerCommand('partnerCenter.importCustomers', (args?: ImportArgs) => importCustomers(deps, args && typeof args === 'object' ? args : {}, (ids) => refresher.refreshTenants(ids))),
    vscode.commands.registerCommand('partnerCenter.addTenant', async (args?: AddTenantArgs) => {
      const added = await addTenant(tree, args && typeof args === 'object' && ('tenantId' in args || 'domain' in args) ? args : {}, (domain) => checkDomain(deps, directoryRefresh, domain));
      if (added && normalizeTenantId(added)) await fetchNew(deps, added);
      else if (added) await resolveNew(deps, directoryRefresh, added);
      return added;
    }),
  );
  return directory;
}

/**
 * Signed in, a domain is looked up before Add Tenant writes it (one Domain search): refused with its warning
 * row's words when no customer or several have it, or its tenant is listed already. A failed look-up does not
 * refuse: the entry is written and its row says what went wrong.
 */
async function checkDomain(deps: CustomersDeps, directoryRefresh: DirectoryRefresh, domain: string): Promise<string | undefined> {
  if (!(await deps.connection.isSignedIn())) return undefined;
  try {
    const live = await deps.connection.get();
    await withProgress({ location: vscode.ProgressLocation.Window, title: l10n.t('Looking up {0}', plainText(domain)) },
      () => directoryRefresh.resolve(live, [domain], new AbortController().signal));
  } catch (e) {
    deps.logger.warn(`domain ${domain}: ${String((e as Error)?.message ?? e)}`);
    return undefined;
  }
  const r = deps.directory.domain(domain);
  if (r?.kind === 'failed') return undefined;
  const listed = r?.kind === 'resolved' ? deps.tree.tenant(r.tenantId) : undefined;
  return domainProblem(domain, r, listed && plainText(deps.tree.displayName(listed)));
}

/** A domain just added is resolved at once when signed in (one Domain search), then its tenant fetched. */
async function resolveNew(deps: CustomersDeps, directoryRefresh: DirectoryRefresh, domain: string): Promise<void> {
  if (!(await deps.connection.isSignedIn())) return;
  try {
    // Add Tenant looked it up a moment ago
    if (deps.directory.domain(domain)?.kind !== 'resolved') await directoryRefresh.resolve(await deps.connection.get(), [domain], new AbortController().signal);
  } catch (e) {
    deps.logger.warn(`domain ${domain}: ${String((e as Error)?.message ?? e)}`);
    return;
  }
  const r = deps.directory.domain(domain);
  if (r?.kind === 'resolved') await fetchNew(deps, r.tenantId);
}

/** A tenant just added is fetched at once when signed in, quietly: the row shows the answer or the error. */
async function fetchNew(deps: CustomersDeps, tenantId: string): Promise<void> {
  if (!(await deps.connection.isSignedIn())) return;
  try {
    const live = await deps.connection.get();
    deps.store.succeeded(await live.runner.fetchOne(tenantId, {}));
  } catch (e) {
    const err = e as { kind?: string; message?: string; requestId?: string; correlationId?: string };
    if (err.kind !== 'cancelled') deps.store.failed(tenantId, { kind: (err.kind ?? 'network') as never, message: String(err.message), at: Date.now(), requestId: err.requestId, correlationId: err.correlationId });
  }
  deps.tree.refreshSoon();
}
