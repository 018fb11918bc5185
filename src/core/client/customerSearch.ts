// One look-up search: Partner Center's prefix search on company name and on domain, sent at once (one round
// trip of wall time), merged with each tenant once, company-name matches first.
import type { Customer } from '../model/customer';
import type { PartnerCenterClient } from './partnerCenterClient';

export async function searchByNameOrDomain(client: PartnerCenterClient, prefix: string, limit: number, signal?: AbortSignal): Promise<Customer[]> {
  const [byName, byDomain] = await Promise.all([
    client.searchCustomers('CompanyName', prefix, limit, { signal }),
    client.searchCustomers('Domain', prefix, limit, { signal }),
  ]);
  const out = new Map<string, Customer>();
  for (const c of [...byName, ...byDomain]) if (!out.has(c.tenantId)) out.set(c.tenantId, c);
  return [...out.values()];
}
