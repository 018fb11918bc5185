// Activation: only what the first frame needs, the Customers view and every contributed command and tool.
// Their handlers build the extension (src/start.ts, its own bundle: log channel, status store, tree,
// decorations, listeners, features) on first use, and it is built anyway right after activation returns,
// so the status bar, the sign-in state and the watcher start without user action. No network work here.
// a plain require, not `import * as`: esbuild would copy the whole API's names at load (esbuild.mjs)
// eslint-disable-next-line @typescript-eslint/no-require-imports
import vscode = require('vscode');
import type { PartnerCenterApi, Started } from './start';
import type { Node } from './vscode/view/tree';
import { registerAgentTools } from './vscode/agentTools/register';

function activate(context: vscode.ExtensionContext): PartnerCenterApi {
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
  const provider: vscode.TreeDataProvider<Node> = {
    onDidChangeTreeData: treeChanged.event,
    getChildren: (node) => build().api.tree.getChildren(node),
    getTreeItem: (node) => build().api.tree.getTreeItem(node),
    getParent: (node) => build().api.tree.getParent(node),
    resolveTreeItem: (item, node) => build().api.tree.resolveTreeItem(item, node),
  };
  const view = vscode.window.createTreeView<Node>('partnerCenter.customers', { treeDataProvider: provider, showCollapseAll: false });
  registerAgentTools(context, () => build().tools);
  // the rest starts as soon as activation has returned, unless the extension is gone by then
  const timer = setTimeout(() => disposed || build(), 0);
  context.subscriptions.push(treeChanged, view, { dispose: () => { disposed = true; clearTimeout(timer); for (const p of placeholders) p.dispose(); } });

  const api = () => build().api;
  return {
    apiVersion: 1,
    getQualifications: (tenantId) => api().getQualifications(tenantId),
    onDidChangeQualifications: (listener, thisArgs, disposables) => api().onDidChangeQualifications(listener, thisArgs, disposables),
    get tree() { return api().tree; },
    get store() { return api().store; },
    get decorations() { return api().decorations; },
    get refresher() { return api().refresher; },
    view,
    logUri: context.logUri,
    get changes() { return api().changes; },
  };
}

function deactivate(): void {
  // subscriptions (including the store's final write) are disposed by VS Code
}

// `export =`, not `export function`: esbuild then writes a plain module.exports, without its ES module
// wrapper (getters for the exports, 0.1 ms of a 1 ms activation). The API's type is in ./start.
export = { activate, deactivate };
