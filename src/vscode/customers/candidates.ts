// Who a look-up query may mean: configured tenants matched locally (at once), customers from Partner
// Center's prefix search on company name and domain (one round trip: both searches at once), or a tenant
// id typed in full (no search needed).
import { searchByNameOrDomain } from '../../core/client/customerSearch';
import type { Customer } from '../../core/model/customer';
import { normalizeTenantId } from '../../core/model/tenantId';
import type { Live } from '../connection/connection';
import { CustomersTree } from '../view/tree';
import { DirectoryStore } from './directoryStore';

export interface Candidate {
  readonly tenantId: string;
  readonly name?: string;
  readonly domain?: string;
  readonly relationship?: string;
  /** Listed in the workspace's settings already. */
  readonly configured: boolean;
}

const SEARCH_LIMIT = 20;

export function localCandidates(tree: CustomersTree, directory: DirectoryStore): Candidate[] {
  const seen = new Set<string>();
  return tree.tenants.flatMap((t) => {
    if (seen.has(t.tenantId)) return [];
    seen.add(t.tenantId);
    const known = directory.customer(t.tenantId);
    const name = t.name ?? known?.companyName;
    return [{ tenantId: t.tenantId, configured: true, ...(name ? { name } : {}), ...((t.domain ?? known?.domain) ? { domain: t.domain ?? known?.domain } : {}), ...(known?.relationship ? { relationship: known.relationship } : {}) }];
  });
}

/** Configured tenants whose name, domain or id contains the query (case-insensitive). */
export function matchLocal(all: readonly Candidate[], query: string): Candidate[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...all];
  return all.filter((c) => [c.name, c.domain, c.tenantId].some((v) => v?.toLowerCase().includes(q)));
}

/** A full tenant id needs no search. */
export function typedTenantId(query: string): string | undefined {
  return normalizeTenantId(query);
}

export function fromCustomer(c: Customer, configured: boolean): Candidate {
  return { tenantId: c.tenantId, configured, ...(c.companyName ? { name: c.companyName } : {}), ...(c.domain ? { domain: c.domain } : {}), ...(c.relationship ? { relationship: c.relationship } : {}) };
}

/** Partner Center's prefix search on company name and on domain, at once; merged, each tenant once. */
export async function searchCandidates(live: Live, query: string, configured: ReadonlySet<string>, signal: AbortSignal): Promise<Candidate[]> {
  const found = await searchByNameOrDomain(live.client, query.trim(), SEARCH_LIMIT, signal);
  return found.map((c) => fromCustomer(c, configured.has(c.tenantId)));
}
