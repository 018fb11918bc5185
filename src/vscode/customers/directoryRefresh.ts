// What Refresh All does besides fetching qualifications: resolve domain entries through Partner Center's
// Domain search (before the batch, so their tenants join it) and fill in company names of tenants listed
// by bare id (alongside the batch, once per tenant). Both go through the connection's client and gate.
import { PartnerCenterError, isPartnerCenterError } from '../../core/client/errors';
import { Logger } from '../../core/log';
import type { Live } from '../connection/connection';
import type { RefreshAllExtras } from '../refresh/refresh';
import { CustomersTree } from '../view/tree';
import { DirectoryStore } from './directoryStore';

/** Above this many unnamed tenants, one pass over the customer list (500 a page) beats one call each. */
const LIST_INSTEAD_OF_EACH = 25;
const PARALLEL = 4;
const PERMANENT = new Set(['no-relationship', 'not-found', 'forbidden-role', 'malformed-response']);

export class DirectoryRefresh implements RefreshAllExtras {
  constructor(private readonly tree: CustomersTree, private readonly directory: DirectoryStore, private readonly logger: Logger) {}

  private unresolvedDomains(): string[] {
    return [...new Set(this.tree.domainEntries.map((d) => d.domain).filter((d) => this.directory.domain(d)?.kind !== 'resolved'))];
  }

  pending(): boolean {
    return this.unresolvedDomains().length > 0;
  }

  async before(live: Live, signal: AbortSignal): Promise<void> {
    await this.resolve(live, this.unresolvedDomains(), signal);
  }

  /** One Domain search each (a few at once), what each resolved to remembered; Add Tenant uses it for one domain. */
  async resolve(live: Live, domains: readonly string[], signal: AbortSignal): Promise<void> {
    if (!domains.length) return;
    const outcomes: [string, Awaited<ReturnType<Live['client']['searchCustomers']>> | PartnerCenterError][] = [];
    await eachLimited(domains, PARALLEL, async (domain) => {
      try {
        outcomes.push([domain, await live.client.searchCustomers('Domain', domain, 10, { signal })]);
      } catch (e) {
        if (!signal.aborted) outcomes.push([domain, asError(e)]);
      }
    });
    await this.directory.update((book) => {
      for (const [domain, r] of outcomes) {
        if (r instanceof Error) book.failedDomain(domain, r.message);
        else this.logger.info(`domain ${domain}: ${book.resolved(domain, r).kind}`);
      }
    });
  }

  async alongside(live: Live, signal: AbortSignal): Promise<void> {
    try {
      const unnamed = [...new Set(this.tree.tenants.filter((t) => !t.name && !this.directory.customer(t.tenantId)).map((t) => t.tenantId))];
      if (!unnamed.length) return;
      if (unnamed.length > LIST_INSTEAD_OF_EACH) {
        for await (const page of live.client.listCustomers({}, { signal })) this.directory.learn(page.customers);
        await this.directory.update((book) => { for (const id of unnamed) if (!book.customer(id)) book.unknown(id, 'not in your customer list'); });
        return;
      }
      const failed: [string, string][] = [];
      await eachLimited(unnamed, PARALLEL, async (tenantId) => {
        try {
          this.directory.learn([await live.client.getCustomer(tenantId, { signal })]);
        } catch (e) {
          const error = asError(e);
          // remembered only when asking again would not help (no relationship, unknown tenant, no role)
          if (!signal.aborted && PERMANENT.has(error.kind)) failed.push([tenantId, error.message]);
          else if (!signal.aborted) this.logger.warn(`company name of ${tenantId}: ${error.message}`);
        }
      });
      await this.directory.update((book) => { for (const [id, message] of failed) book.unknown(id, message); });
    } catch (e) {
      // names are a convenience: a failure is logged, the refresh goes on
      if (!signal.aborted) this.logger.warn(`company names: ${asError(e).message}`);
      await this.directory.flush();
    }
  }
}

function asError(e: unknown): PartnerCenterError {
  return isPartnerCenterError(e) ? e : new PartnerCenterError('network', String((e as Error)?.message ?? e));
}

/** Runs `fn` over `items`, at most `limit` at a time. */
export async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await fn(item);
  }));
}
