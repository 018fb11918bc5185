// Language model tools for chat agents (contributes.languageModelTools + vscode.lm.registerTool). A VS Code
// without the API skips them. The implementations load on the first call (their own bundle).
// a plain require, not `import * as`: this module is in the activation bundle (esbuild.mjs)
// eslint-disable-next-line @typescript-eslint/no-require-imports
import vscode = require('vscode');
import type { JsonSchema } from '../../core/agentTools/inputSchema';
import type { ToolDeps } from './tools';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const impl = () => require('./tools') as typeof import('./tools');

export const TOOL_NAMES = ['partnerCenter_getQualifications', 'partnerCenter_listTenants'] as const;

/** `deps` is asked for on the first call: activation registers the tools before the extension is built. */
export function registerAgentTools(context: vscode.ExtensionContext, deps: () => Omit<ToolDeps, 'schemaOf'>): boolean {
  const lm = (vscode as { lm?: Partial<typeof vscode.lm> }).lm;
  if (typeof lm?.registerTool !== 'function') return false;
  const declared = (context.extension.packageJSON as { contributes?: { languageModelTools?: { name: string; inputSchema?: JsonSchema }[] } }).contributes?.languageModelTools ?? [];
  const schemaOf = (tool: string) => declared.find((t) => t.name === tool)?.inputSchema;
  // each tool object is a thin shell: the real one is required when the tool is first prepared or invoked
  const lazy = <T>(make: (x: typeof import('./tools'), d: ToolDeps) => vscode.LanguageModelTool<T>): vscode.LanguageModelTool<T> => {
    let tool: vscode.LanguageModelTool<T> | undefined;
    const get = () => (tool ??= make(impl(), { ...deps(), schemaOf }));
    return {
      prepareInvocation: (o, t) => get().prepareInvocation?.(o, t),
      invoke: (o, t) => get().invoke(o, t),
    };
  };
  context.subscriptions.push(
    lm.registerTool(TOOL_NAMES[0], lazy((x, dd) => x.getQualificationsTool(dd))),
    lm.registerTool(TOOL_NAMES[1], lazy((x, dd) => x.listTenantsTool(dd))),
  );
  return true;
}
