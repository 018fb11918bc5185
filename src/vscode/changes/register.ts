// The changes feature: vetting history, change messages, Show History, watching In Review tenants, auto
// refresh and the status bar item. Wired from extension.ts; no network work here (the watcher starts on a timer).
import * as vscode from 'vscode';
import { VettingHistory } from '../../core/history/vettingHistory';
import { Logger } from '../../core/log';
import { Connection } from '../connection/connection';
import { Refresher } from '../refresh/refresh';
import { SECTION } from '../settings';
import { StatusStore } from '../statusStore';
import { CustomersTree, Node } from '../view/tree';
import { Announcer } from './announce';
import { autoRefresher } from './autoRefresh';
import { ChangeTracker, HISTORY_KEY } from './changeTracker';
import { rowNotes } from './rowNotes';
import { affectsWatch } from './settings';
import { historyItems, showHistory } from './showHistory';
import { FOCUS_COMMAND, StatusBar } from './statusBar';
import { Watcher } from './watcher';

export interface ChangesDeps {
  readonly store: StatusStore;
  readonly tree: CustomersTree;
  readonly refresher: Refresher;
  readonly connection: Connection;
  readonly view: vscode.TreeView<Node>;
  readonly logger: Logger;
}

export interface ChangesApi {
  readonly tracker: ChangeTracker;
  readonly announcer: Announcer;
  readonly watcher: Watcher;
  readonly statusBar: StatusBar;
  /** A history read afresh from workspace state (what the next window would load). */
  reloadHistory(): Promise<VettingHistory>;
  /** What showing the view starts: the auto refresh (joined when one runs); the number of tenants it checks. */
  autoRefresh(): Promise<number>;
  /** What Show History lists for a tenant (tests read it; the command shows it in a quick pick). */
  historyItems(tenantId: string): { title: string; items: vscode.QuickPickItem[] };
}

const START_DELAY_MS = 1500;

export function registerChanges(context: vscode.ExtensionContext, d: ChangesDeps): ChangesApi {
  const { store, tree, refresher, connection, view, logger } = d;
  const tracker = new ChangeTracker(context.workspaceState, store, () => view.visible);
  const announcer = new Announcer(tree, view, logger, () => tracker.seen());
  const watcher = new Watcher(context.workspaceState, connection, store, tree, tracker, logger, context.extensionMode !== vscode.ExtensionMode.Production);
  const statusBar = new StatusBar(store, tree, tracker, () => watcher.status());
  tree.notes = rowNotes(() => tracker.history, tracker);

  let evaluateTimer: NodeJS.Timeout | undefined;
  const evaluateSoon = (ms = 250) => { evaluateTimer ??= setTimeout(() => { evaluateTimer = undefined; void watcher.evaluate(); }, ms); };
  const autoRefresh = autoRefresher(connection, refresher, store, tree);
  const tryAutoRefresh = () => void autoRefresh().catch((e) => logger.warn(`auto refresh: ${String(e)}`));

  context.subscriptions.push(
    refresher, tracker, announcer, watcher, statusBar,
    refresher.onDidStart(() => { tracker.begin('refresh'); statusBar.refreshStarted(); }),
    refresher.onDidFinish(() => { tracker.end(); statusBar.refreshFinished(); evaluateSoon(); }),
    tracker.onDidCollect((batch) => announcer.announce(batch)),
    tracker.onDidChange(() => { tree.refreshSoon(); statusBar.updateSoon(); }),
    store.onDidChange(() => statusBar.updateSoon()),
    watcher.onDidChange(() => statusBar.updateSoon()),
    // sign-in and sign-out change the connection and the secrets: start or stop watching (never prompts)
    connection.onDidChange(() => evaluateSoon()),
    context.secrets.onDidChange(() => evaluateSoon()),
    view.onDidChangeVisibility((e) => { if (e.visible) { tracker.seen(); tryAutoRefresh(); } }),
    view.onDidChangeSelection(() => tracker.seen()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsWatch(e) || e.affectsConfiguration(`${SECTION}.customers`)) evaluateSoon();
      if (e.affectsConfiguration(`${SECTION}.statusBar`) || e.affectsConfiguration(`${SECTION}.customers`)) statusBar.updateSoon();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => { statusBar.updateSoon(); evaluateSoon(); }),
    vscode.commands.registerCommand('partnerCenter.showHistory', (arg?: Node | string) =>
      showHistory(tree, tracker.history, typeof arg === 'string' ? arg : arg?.kind === 'tenant' ? arg.tenant.tenantId : arg?.kind === 'qualification' || arg?.kind === 'message' ? arg.parent.tenant.tenantId : undefined)),
    vscode.commands.registerCommand(FOCUS_COMMAND, async () => {
      tracker.seen();
      await vscode.commands.executeCommand('partnerCenter.customers.focus');
    }),
    { dispose: () => evaluateTimer && clearTimeout(evaluateTimer) },
  );
  statusBar.updateSoon();
  // after activation has returned: the sign-in state needs the connection (no prompt, no network of its own)
  setTimeout(() => {
    evaluateSoon(0);
    if (view.visible) tryAutoRefresh();
  }, START_DELAY_MS);

  return {
    tracker, announcer, watcher, statusBar, autoRefresh,
    reloadHistory: async () => {
      await tracker.flush();
      return VettingHistory.fromJSON(context.workspaceState.get(HISTORY_KEY));
    },
    historyItems: (tenantId) => historyItems(tree, tracker.history, tenantId),
  };
}
