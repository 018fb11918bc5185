// Wires the extension: no network work here; the connection is built on the first command that needs it.
import * as vscode from 'vscode';
import { Connection } from './vscode/connection';
import { QualificationDecorations } from './vscode/decorations';
import { channelLogger } from './vscode/log';
import { Refresher } from './vscode/refresh';
import { isOurSecret } from './vscode/secretStorage';
import { affectsConnection, customersFingerprint, readConnectionSettings, SECTION } from './vscode/settings';
import { SignInArgs, setSignedInContext, signIn, signOut } from './vscode/signIn';
import { StatusStore } from './vscode/statusStore';
import { AddTenantArgs, addTenant, lookUp, removeTenant } from './vscode/tenantCommands';
import { CustomersTree, Node, TenantNode } from './vscode/tree';
import { ViewOptions } from './vscode/viewOptions';

/** What tests and other extensions can read back. */
export interface PartnerCenterApi {
  readonly tree: CustomersTree;
  readonly store: StatusStore;
  readonly decorations: QualificationDecorations;
  readonly refresher: Refresher;
  readonly view: vscode.TreeView<Node>;
  /** Folder of this extension's log files (the "Partner Center" channel writes there). */
  readonly logUri: vscode.Uri;
}

export function activate(context: vscode.ExtensionContext): PartnerCenterApi {
  const channel = vscode.window.createOutputChannel('Partner Center', { log: true });
  const logger = channelLogger(channel);
  const store = new StatusStore(context.workspaceState);
  const tree = new CustomersTree(store);
  const decorations = new QualificationDecorations(store);
  const connection = new Connection(context, logger);
  const refresher = new Refresher(connection, store, tree, logger);
  const view = vscode.window.createTreeView<Node>('partnerCenter.customers', { treeDataProvider: tree, showCollapseAll: true });
  const options = new ViewOptions(context.workspaceState, tree, store, view);
  let signedIn = false;
  const notes = () => {
    const ignored = readConnectionSettings().workspaceOverrides;
    return ignored.length ? [vscode.l10n.t('Ignored workspace values of {0} (user settings only).', ignored.join(', '))] : [];
  };
  const updateView = () => options.update(signedIn, notes());
  let viewTimer: NodeJS.Timeout | undefined;
  let customersSeen = customersFingerprint();
  const customersChanged = () => {
    const now = customersFingerprint();
    const changed = now !== customersSeen;
    customersSeen = now;
    return changed;
  };
  const updateSignedIn = async () => { signedIn = await setSignedInContext(connection); updateView(); };

  const tenantOf = (node?: Node): TenantNode | undefined => (node?.kind === 'tenant' ? node : node?.kind === 'qualification' || node?.kind === 'message' ? node.parent : undefined);
  const command = (id: string, fn: (...args: never[]) => unknown) => vscode.commands.registerCommand(`partnerCenter.${id}`, fn);

  context.subscriptions.push(
    channel, store, tree, decorations, connection, view,
    vscode.window.registerFileDecorationProvider(decorations),
    { dispose: () => clearTimeout(viewTimer) },
    // results stream in by the hundred a second: recount the view once per 100 ms, not per result
    store.onDidChange(() => { viewTimer ??= setTimeout(() => { viewTimer = undefined; updateView(); }, 100); }),
    command('refreshAll', () => refresher.refreshAll()),
    command('refreshTenant', (node?: Node) => {
      const t = tenantOf(node);
      return t ? refresher.refreshTenants([t.tenant.tenantId]) : refresher.refreshAll();
    }),
    command('signIn', async (args?: SignInArgs) => { const ok = await signIn(connection, context.secrets, logger, args); await updateSignedIn(); return ok; }),
    command('signOut', async () => { await signOut(connection, context.secrets, logger); await updateSignedIn(); }),
    command('lookUp', (tenantId?: string) => lookUp(connection, tree, store, typeof tenantId === 'string' ? tenantId : undefined)),
    command('addTenant', (args?: AddTenantArgs) => addTenant(tree, args && typeof args === 'object' && 'tenantId' in args ? args : {})),
    command('removeTenant', (node?: Node) => removeTenant(tenantOf(node), store)),
    command('copyTenantId', async (node?: Node) => {
      const t = tenantOf(node);
      if (t) await vscode.env.clipboard.writeText(t.tenant.tenantId);
    }),
    command('showLog', () => channel.show()),
    command('openSettings', () => vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${context.extension.id}`)),
    command('sortBy', (order?: 'name' | 'status') => options.pickSort(order)),
    command('filter', (states?: string[]) => options.pickFilter(states as never)),
    command('clearFilter', () => options.pickFilter([])),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // a file writing `"partnerCenter": { "customers": [...] }` reports only the section as changed
      if (e.affectsConfiguration(SECTION) && customersChanged()) tree.reload();
      if (affectsConnection(e)) { await connection.settingsChanged(); await updateSignedIn(); }
      else updateView();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => { customersSeen = customersFingerprint(); tree.reload(); updateView(); }),
    // another window signed in or out (MSAL re-reads its cache on every access; an app credential needs a rebuild)
    context.secrets.onDidChange(async (e) => { if (isOurSecret(e.key)) { await connection.secretChanged(e.key); await updateSignedIn(); } }),
  );
  updateView();
  // the sign-in state needs the secret store (local, no network): read it after activation returns
  setTimeout(() => void updateSignedIn(), 0);
  return { tree, store, decorations, refresher, view, logUri: context.logUri };
}

export function deactivate(): void {
  // subscriptions (including the store's final write) are disposed by VS Code
}
