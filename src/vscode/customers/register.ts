// The customers feature: Look Up Qualification by name, domain or id, Import Customers, domain entries
// and company names in the tree (resolved with Refresh All), and Add Tenant fetching the new tenant.
import * as vscode from 'vscode';
import { Logger } from '../../core/log';
import { Connection } from '../connection/connection';
import { Refresher } from '../refresh/refresh';
import { StatusStore } from '../statusStore';
import { AddTenantArgs, addTenant } from './customersSetting';
import { CustomersTree } from '../view/tree';
import { DirectoryRefresh } from './directoryRefresh';
import { DirectoryStore } from './directoryStore';
import { ImportArgs, importCustomers } from './importCustomers';
import { CustomersDeps, lookUpCommand } from './lookUp';

export function registerCustomers(context: vscode.ExtensionContext, connection: Connection, tree: CustomersTree, store: StatusStore, refresher: Refresher, logger: Logger): DirectoryStore {
  const directory = new DirectoryStore(context.workspaceState);
  const deps: CustomersDeps = { connection, tree, store, directory, logger };
  tree.directory = directory;
  refresher.extras = new DirectoryRefresh(tree, directory, logger);
  context.subscriptions.push(
    directory,
    directory.onDidChange(() => tree.directoryChanged()),
    vscode.commands.registerCommand('partnerCenter.lookUp', (arg?: unknown) => lookUpCommand(deps, arg)),
    vscode.commands.registerCommand('partnerCenter.importCustomers', (args?: ImportArgs) => importCustomers(deps, args && typeof args === 'object' ? args : {})),
    vscode.commands.registerCommand('partnerCenter.addTenant', async (args?: AddTenantArgs) => {
      const tenantId = await addTenant(tree, args && typeof args === 'object' && 'tenantId' in args ? args : {});
      if (tenantId) await fetchNew(deps, tenantId);
      return tenantId;
    }),
  );
  return directory;
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
