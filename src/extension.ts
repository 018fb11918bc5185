// Activation: only what the first frame needs, the Customers view and every contributed command and tool.
// Their handlers build the extension (src/start.ts, its own bundle: log channel, status store, tree,
// decorations, listeners, features) on first use, and it is built anyway right after activation returns,
// so the status bar, the sign-in state and the watcher start without user action. No network work here.
// a plain require, not `import * as`: esbuild would copy the whole API's names at load (esbuild.mjs)
// eslint-disable-next-line @typescript-eslint/no-require-imports
import vscode = require('vscode');
import type { PartnerCenterApi, Started } from './start';
import type { PartnerCenterQualificationsApiV1 } from './vscode/api/publicApi';
import type { Node } from './vscode/view/tree';
import { registerAgentTools } from './vscode/agentTools/register';

function activate(context: vscode.ExtensionContext): PartnerCenterQualificationsApiV1 {
  let started: Started | undefined;
  let disposed = false;
  const treeChanged = new vscode.EventEmitter<Node | undefined>();
  // a placeholder per contributed command: it builds the extension, whose features register the real
  // command under the same id, and runs that (in this extension host, arguments pass as they are)
  const placeholders = ((context.extension.packageJSON as { contributes?: { commands?: { command: string }[] } }).contributes?.commands ?? [])
    .map(({ command }) => vscode.commands.registerCommand(command, (...args: unknown[]) => {
      build();
      return vscode.commands.executeCommand(command, ...args);
    }));
  const build = (): Started => {
    if (!started) {
      for (const p of placeholders.splice(0)) p.dispose();
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after activation, on purpose
      started = (require('./start') as typeof import('./start')).start(context, view, treeChanged);
    }
    return started;
  };
  // the view's rows come from the real tree, built on the first request for them
  const tree = () => build().api.tree;
  const provider: vscode.TreeDataProvider<Node> = {
    onDidChangeTreeData: treeChanged.event,
    getChildren: (node) => tree().getChildren(node),
    getTreeItem: (node) => tree().getTreeItem(node),
    getParent: (node) => tree().getParent(node),
    resolveTreeItem: (item, node) => tree().resolveTreeItem(item, node),
  };
  const view = vscode.window.createTreeView<Node>('partnerCenter.customers', { treeDataProvider: provider, showCollapseAll: false });
  registerAgentTools(context, () => build().tools);
  // the rest starts as soon as activation has returned, unless the extension is gone by then
  const timer = setTimeout(() => disposed || build(), 0);
  context.subscriptions.push(treeChanged, view, { dispose: () => { disposed = true; clearTimeout(timer); for (const p of placeholders) p.dispose(); } });

  return surface(context, view, () => build().api);
}

/**
 * What `activate` returns. In production (any extension can activate us and read it) only the versioned API,
 * frozen: no field or getter reaches the tree, store, refresher or connection (the bearer token, the client
 * secret, the request budget). The development and test modes (the integration tests) add the internals
 * those tests read. Exported so a test can build the production shape, which a test run never activates.
 */
function surface(context: vscode.ExtensionContext, view: vscode.TreeView<Node>, api: () => PartnerCenterApi): PartnerCenterQualificationsApiV1 {
  const v1: PartnerCenterQualificationsApiV1 = {
    apiVersion: 1,
    getQualifications: (tenantId) => api().getQualifications(tenantId),
    onDidChangeQualifications: (listener, thisArgs, disposables) => api().onDidChangeQualifications(listener, thisArgs, disposables),
  };
  if (context.extensionMode === vscode.ExtensionMode.Production) return Object.freeze(v1);
  const internals = ['tree', 'store', 'decorations', 'refresher', 'changes'] as const;
  return Object.defineProperties({ ...v1, view, logUri: context.logUri }, Object.fromEntries(internals.map((k) => [k, { get: () => api()[k] }])));
}

function deactivate(): void {
  // subscriptions (including the store's final write) are disposed by VS Code
}

// `export =`, not `export function`: esbuild then writes a plain module.exports, without its ES module
// wrapper (getters for the exports, 0.1 ms of a 1 ms activation). The API's types: ./vscode/api/publicApi
// (other extensions), ./start (the test modes' internals).
export = { activate, deactivate, surface };
