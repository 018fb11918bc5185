// The two chat tools. partnerCenter_getQualifications: one tenant by id, domain or company name, from the
// remembered result unless the agent asks to fetch (then one GET through the connection's client, rate
// gate and sign-in, announced by prepareInvocation). partnerCenter_listTenants: configured tenants by
// status or qualification, from the remembered results only. Loaded on the first tool call.
import * as vscode from 'vscode';
import { JsonSchema, schemaProblem } from '../../core/agentTools/inputSchema';
import { DATA_NOTE, KnownTenant, ToolState, describeTenant, findTenant, listTenants, quoted } from '../../core/agentTools/tenantAnswers';
import { isPartnerCenterError } from '../../core/client/errors';
import { plainText } from '../../core/display/safeText';
import { ConfiguredTenant } from '../../core/model/customerEntries';
import { Logger } from '../../core/log';
import { abortSignalOf } from '../cancellation';
import { Connection } from '../connection/connection';
import { StatusStore } from '../statusStore';
import { CustomersTree } from '../view/tree';

export const GET_TOOL = 'partnerCenter_getQualifications';
export const LIST_TOOL = 'partnerCenter_listTenants';

export interface ToolDeps {
  readonly connection: Connection;
  readonly tree: CustomersTree;
  readonly store: StatusStore;
  readonly logger: Logger;
  /** The tool's inputSchema as package.json declares it (one source for VS Code and this check). */
  readonly schemaOf: (tool: string) => JsonSchema | undefined;
}

interface GetInput { readonly tenant: string; readonly fetch?: boolean }
interface ListInput { readonly status?: ToolState; readonly qualification?: string }

const text = (s: string) => new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(s)]);

/** Invalid input is refused with the schema's own complaint (VS Code may check too; this does not rely on it). */
function checked<T>(d: ToolDeps, tool: string, input: unknown): T {
  const schema = d.schemaOf(tool);
  const problem = schema ? schemaProblem(schema, input) : undefined;
  if (problem) throw new Error(vscode.l10n.t('Invalid input for {0}: {1}', tool, problem));
  return input as T;
}

function tenants(d: ToolDeps): ConfiguredTenant[] {
  const seen = new Set<string>();
  return d.tree.tenants.filter((t) => !seen.has(t.tenantId) && seen.add(t.tenantId)).map((t) => d.tree.described(t));
}

type Found = KnownTenant & { readonly configured: boolean };

function resolve(d: ToolDeps, query: string): Found {
  const m = findTenant<Found>(tenants(d).map((t) => ({ ...t, configured: true })), query, (tenantId) => ({ tenantId, configured: false }));
  if (m.kind === 'one') return m.tenant;
  if (m.kind === 'many') {
    throw new Error(`${vscode.l10n.t('{0} matches {1} configured tenants: {2}. Ask again with one tenant id.', quoted(query, 100), m.tenants.length, m.tenants.slice(0, 10).map((t) => `${quoted(t.name ?? '', 100)} (${t.tenantId})`).join(', '))} ${DATA_NOTE}`);
  }
  throw new Error(vscode.l10n.t('No configured tenant matches {0} by name or domain. Give the tenant id (GUID) to look up any customer.', quoted(query, 100)));
}

export function getQualificationsTool(d: ToolDeps): vscode.LanguageModelTool<GetInput> {
  return {
    prepareInvocation(options) {
      const input = checked<GetInput>(d, GET_TOOL, options.input);
      const t = resolve(d, input.tenant);
      const who = plainText(t.name ?? t.tenantId, 100);
      if (!input.fetch) return { invocationMessage: vscode.l10n.t('Reading the remembered Partner Center qualifications of {0}', who) };
      // a network call: say which one before it happens
      return { invocationMessage: vscode.l10n.t('Calling Partner Center: GET /v1/customers/{0}/qualifications for {1} (one request with your sign-in)', t.tenantId, who) };
    },
    async invoke(options, token) {
      const input = checked<GetInput>(d, GET_TOOL, options.input);
      const t = resolve(d, input.tenant);
      if (!input.fetch) {
        if (!t.configured) return text(vscode.l10n.t('{0} is not a configured tenant, so nothing is remembered for it; ask to fetch it from Partner Center.', t.tenantId));
        return text(describeTenant(t, d.store.book.get(t.tenantId), 'remembered'));
      }
      if (!(await d.connection.isSignedIn())) throw new Error(vscode.l10n.t('Not signed in to Partner Center: run "Partner Center: Sign In", then ask again.'));
      const live = await d.connection.get();
      const abort = abortSignalOf(token);
      try {
        const result = await live.runner.fetchOne(t.tenantId, { signal: abort.signal });
        if (t.configured) d.store.succeeded(result);
        d.logger.info(`chat tool: fetched tenant ${t.tenantId} (request ${result.requestId})`);
        return text(describeTenant(t, { lastGood: result }, 'fetched now'));
      } catch (e) {
        const message = isPartnerCenterError(e) ? e.message : String((e as Error)?.message ?? e);
        if (t.configured && isPartnerCenterError(e) && e.kind !== 'cancelled') d.store.failed(t.tenantId, { kind: e.kind, message, at: Date.now(), requestId: e.requestId, correlationId: e.correlationId });
        throw new Error(`${t.name ? quoted(t.name, 100) : t.tenantId}: ${quoted(message)} ${DATA_NOTE}`);
      } finally {
        abort.dispose();
      }
    },
  };
}

export function listTenantsTool(d: ToolDeps): vscode.LanguageModelTool<ListInput> {
  return {
    prepareInvocation(options) {
      checked<ListInput>(d, LIST_TOOL, options.input);
      return { invocationMessage: vscode.l10n.t('Listing configured Partner Center tenants from remembered results') };
    },
    invoke(options) {
      const input = checked<ListInput>(d, LIST_TOOL, options.input);
      return text(listTenants(tenants(d), (id) => d.store.book.get(id), input));
    },
  };
}
