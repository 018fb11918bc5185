// Export Report... (view title overflow and palette) and Copy as Markdown (tenant row). The writers are
// required on first use (their own bundle, see esbuild.mjs), so activation does not load them.
import * as vscode from 'vscode';
import { StatusStore } from '../statusStore';
import { CustomersTree, Node, tenantOf } from '../view/tree';
import type { ExportReportArgs } from './exportReport';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const flows = () => require('./exportReport') as typeof import('./exportReport');

export function registerReports(context: vscode.ExtensionContext, tree: CustomersTree, store: StatusStore): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('partnerCenter.exportReport', (args?: ExportReportArgs) => flows().exportReport(tree, store, args && typeof args === 'object' ? args : {})),
    vscode.commands.registerCommand('partnerCenter.copyAsMarkdown', (node?: Node) => { const t = tenantOf(node)?.tenant; return flows().copyAsMarkdown(t && tree.described(t), store); }),
  );
}
