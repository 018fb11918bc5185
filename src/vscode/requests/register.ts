// Request Qualification... (tenant row menu and palette). The flow is required on first use (its own
// bundle, see esbuild.mjs), so activation does not load it.
import * as vscode from 'vscode';
import { Node, tenantOf } from '../view/tree';
import type { RequestDeps, RequestQualificationArgs } from './requestQualification';

export function registerRequests(context: vscode.ExtensionContext, deps: Omit<RequestDeps, 'testMode'>): void {
  const d: RequestDeps = { ...deps, testMode: context.extensionMode === vscode.ExtensionMode.Test };
  context.subscriptions.push(
    vscode.commands.registerCommand('partnerCenter.requestQualification', (arg?: Node | RequestQualificationArgs, extra?: RequestQualificationArgs) => {
      // from a row: (node); from the palette: (); from scripts: ({ tenantId, ... }) or (node, { ... })
      const isNode = !!arg && typeof arg === 'object' && 'kind' in arg; // tree nodes carry a kind, args never do
      const node = isNode ? tenantOf(arg as Node) : undefined;
      const args = (isNode ? extra : (arg as RequestQualificationArgs | undefined)) ?? {};
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { requestQualification } = require('./requestQualification') as typeof import('./requestQualification');
      return requestQualification(d, node?.tenant, args && typeof args === 'object' ? args : {});
    }),
  );
}
