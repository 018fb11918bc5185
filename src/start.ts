// Builds the extension behind the activation shell (src/extension.ts), on the first row, command or tool
// call, or right after activation returns: the log channel, status store, tree, decorations, listeners and
// every feature. Its own bundle (esbuild.mjs). No network work here; the connection is built on the first
// command that needs it.
import * as vscode from 'vscode';
import { ChangesApi, registerChanges } from './vscode/changes/register';
import { Connection } from './vscode/connection/connection';
import { QualificationDecorations } from './vscode/view/decorations';
import { channelLogger } from './vscode/log';
import { Refresher } from './vscode/refresh/refresh';
import { isOurSecret } from './vscode/connection/secretStorage';
import { affectsConnection, customersFingerprint, readConnectionSettings, readSpendingSettings, SECTION } from './vscode/settings';
import { SignInArgs, setSignedInContext, signIn, signOut } from './vscode/signIn/signIn';
import { StatusStore } from './vscode/statusStore';
import { registerCustomers } from './vscode/customers/register';
import { registerRemoveTenant } from './vscode/removeTenant/register';
import { registerOpenSettings } from './vscode/settingsFile/register';
import { CustomersTree, Node, tenantOf } from './vscode/view/tree';
import { ViewOptions } from './vscode/view/viewOptions';
import { registerRequests } from './vscode/requests/register';
import { registerReports } from './vscode/reports/register';
import type { ToolDeps } from './vscode/agentTools/tools';
import { PartnerCenterQualificationsApiV1, publicApi } from './vscode/api/publicApi';

/**
 * What the shell builds `activate`'s answer from. Production returns only the versioned surface
 * (`apiVersion`, `getQualifications`, `onDidChangeQualifications`, see README "API for other extensions");
 * the development and test modes add these internals for the extension's own tests (extension.ts `surface`).
 */
export interface PartnerCenterApi extends PartnerCenterQualificationsApiV1 {
  readonly tree: CustomersTree;
  readonly store: StatusStore;
  readonly decorations: QualificationDecorations;
  readonly refresher: Refresher;
  readonly view: vscode.TreeView<Node>;
  /** Folder of this extension's log files (the "Partner Center" channel writes there). */
  readonly logUri: vscode.Uri;
  readonly changes: ChangesApi;
}

/** What the shell reaches through: the API (tests and other extensions), the tree its view shows, the tools' parts. */
export interface Started {
  readonly api: PartnerCenterApi;
  readonly tools: Omit<ToolDeps, 'schemaOf'>;
}

/**
 * `view` is the shell's, created at activation over a provider that forwards to the tree built here;
 * `treeChanged` is that provider's change event. The shell has disposed its placeholder commands: the
 * features register the real ones.
 */
export function start(context: vscode.ExtensionContext, view: vscode.TreeView<Node>, treeChanged: vscode.EventEmitter<Node | undefined>): Started {
  const channel = vscode.window.createOutputChannel('Partner Center', { log: true });
  const logger = channelLogger(channel, (id) => tree.nameOf(id));
  const store = new StatusStore(context.workspaceState, logger);
  const tree = new CustomersTree(store);
  const decorations = new QualificationDecorations(store);
  const connection = new Connection(context, logger);
  const refresher = new Refresher(connection, store, tree, logger);
  const options = new ViewOptions(context.workspaceState, tree, store, view);
  let signedIn = false;
  // read on a settings, folder or trust change only: it inspects ~20 settings (6-10 ms), and the view recounts
  // 10 times a second while results stream in
  const readNotes = () => {
    const ignored = [...readConnectionSettings().workspaceOverrides, ...readSpendingSettings().ignored];
    return ignored.length ? [vscode.l10n.t('Ignored workspace values of {0} (user settings only).', ignored.join(', '))] : [];
  };
  let notes = readNotes();
  const updateView = () => options.update(signedIn, notes);
  const renote = () => { notes = readNotes(); updateView(); };
  let viewTimer: NodeJS.Timeout | undefined;
  const updateViewSoon = () => { viewTimer ??= setTimeout(() => { viewTimer = undefined; updateView(); }, 100); };
  let customersSeen = customersFingerprint();
  const customersChanged = () => {
    const now = customersFingerprint();
    const changed = now !== customersSeen;
    customersSeen = now;
    return changed;
  };
  const updateSignedIn = async () => { signedIn = await setSignedInContext(connection); updateView(); };

  const command = (id: string, fn: (...args: never[]) => unknown) => vscode.commands.registerCommand(`partnerCenter.${id}`, fn);

  context.subscriptions.push(
    channel, store, tree, decorations, connection, refresher,
    tree.onDidChangeTreeData((e) => treeChanged.fire(e)), refresher.onDidNeedSignIn(() => options.signInRequired()),
    vscode.window.registerFileDecorationProvider(decorations),
    { dispose: () => clearTimeout(viewTimer) },
    // results stream in by the hundred a second: recount the view once per 100 ms, not per result
    store.onDidChange(() => updateViewSoon()),
    // the counts follow the rows whatever changed them (settings, resolved domains, results)
    tree.onDidChangeTreeData(() => updateViewSoon()),
    command('refreshAll', () => refresher.refreshAll()),
    command('refreshTenant', (node?: Node) => {
      const t = tenantOf(node);
      return t ? refresher.refreshTenants([t.tenant.tenantId]) : refresher.refreshAll();
    }),
    command('signIn', async (args?: SignInArgs) => { const ok = await signIn(connection, context.secrets, logger, args); await updateSignedIn(); return ok; }),
    command('signOut', async () => { await signOut(connection, context.secrets, logger); store.markSignedOut(); await updateSignedIn(); }),
    registerRemoveTenant(tree, store, tenantOf),
    command('copyTenantId', async (node?: Node) => {
      const t = tenantOf(node);
      if (t) await vscode.env.clipboard.writeText(t.tenant.tenantId);
    }),
    command('showLog', () => channel.show()),
    registerOpenSettings(context.extension.id),
    // title buttons pass VS Code's view context object: ViewOptions takes scripted arguments only when valid
    command('sortBy', (order?: unknown) => options.pickSort(order)),
    command('filter', (states?: unknown) => options.pickFilter(states)),
    command('clearFilter', () => options.pickFilter([])),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // a file writing `"partnerCenter": { "customers": [...] }` reports only the section as changed
      if (e.affectsConfiguration(SECTION) && customersChanged()) tree.reload();
      if (!affectsConnection(e)) return updateView();
      renote();
      await connection.settingsChanged();
      await updateSignedIn();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => { customersSeen = customersFingerprint(); tree.reload(); renote(); }),
    // trusting the workspace may bring restricted workspace values into view without a settings event
    vscode.workspace.onDidGrantWorkspaceTrust(renote),
    // another window signed in or out (MSAL re-reads its cache on every access; an app credential needs a rebuild)
    context.secrets.onDidChange(async (e) => { if (isOurSecret(e.key)) { await connection.secretChanged(e.key); await updateSignedIn(); } }),
  );
  const changes = registerChanges(context, { store, tree, refresher, connection, view, logger });
  registerRequests(context, { connection, tree, store, logger });
  registerReports(context, tree, store);
  registerCustomers(context, connection, tree, store, refresher, logger);
  updateView();
  // the sign-in state needs the secret store (local, no network): read it after activation returns
  setTimeout(() => void updateSignedIn(), 0);
  return {
    api: { ...publicApi(store, tree), tree, store, decorations, refresher, view, logUri: context.logUri, changes },
    tools: { connection, tree, store, logger },
  };
}
