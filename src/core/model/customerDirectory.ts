// What the extension learned from Partner Center's customer directory: company name, default domain and
// relationship per tenant, and what each configured domain resolved to. Serializable for workspace state;
// bounded (strings capped, a cap on customers and domains) and read back entry by entry.
import { Customer } from './customer';
import { capText } from './savedStatus';

/** Most customers and domain answers kept (a directory past this is read again when needed). */
export const MAX_CUSTOMERS = 200_000;
export const MAX_DOMAINS = 100_000;

type Dropped = (what: string, why: string) => void;

export type DomainResolution =
  | { readonly kind: 'resolved'; readonly tenantId: string; readonly at: number }
  | { readonly kind: 'none'; readonly at: number }
  | { readonly kind: 'several'; readonly count: number; readonly at: number }
  | { readonly kind: 'failed'; readonly message: string; readonly at: number };

/** A customer as last read; `failed` when Partner Center would not say (asked once, not again). */
export interface KnownCustomer extends Customer {
  readonly at: number;
  readonly failed?: string;
}

export class CustomerDirectoryBook {
  private readonly customers = new Map<string, KnownCustomer>();
  private readonly domains = new Map<string, DomainResolution>();
  /** Default domain → tenant of the customers known (null: several have it), built when first asked. */
  private byDomain?: Map<string, string | null>;

  customer(tenantId: string): KnownCustomer | undefined {
    return this.customers.get(tenantId);
  }

  /**
   * What a domain resolved to; a domain not searched yet but known as one customer's default domain (from a
   * look-up, an import or a name read) resolves to it at once, without waiting for a refresh.
   */
  domain(domain: string): DomainResolution | undefined {
    const searched = this.domains.get(domain);
    if (searched) return searched;
    if (!this.byDomain) {
      this.byDomain = new Map();
      for (const c of this.customers.values()) {
        const d = c.domain?.toLowerCase();
        if (d) this.byDomain.set(d, this.byDomain.has(d) ? null : c.tenantId);
      }
    }
    const tenantId = this.byDomain.get(domain);
    return tenantId ? { kind: 'resolved', tenantId, at: this.customers.get(tenantId)!.at } : undefined;
  }

  learn(customers: readonly Customer[], at = Date.now()): void {
    // a later record may omit what an earlier one said (a search answer without the domain): keep the known fields
    this.byDomain = undefined;
    for (const c of customers) {
      const known = this.customers.get(c.tenantId);
      if (!known && this.customers.size >= MAX_CUSTOMERS) continue;
      const fresh = Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, typeof v === 'string' ? capText(v) : v])) as Customer;
      this.customers.set(c.tenantId, known && !known.failed ? { ...known, ...fresh, at } : { ...fresh, at });
    }
  }

  /** Partner Center would not describe this tenant: remembered so it is asked once. */
  unknown(tenantId: string, message: string, at = Date.now()): void {
    this.byDomain = undefined;
    if (!this.customers.get(tenantId)?.companyName) this.customers.set(tenantId, { tenantId, at, failed: capText(message) });
  }

  /** The answer of a Domain prefix search: only an exact (case-insensitive) domain match resolves. */
  resolved(domain: string, found: readonly Customer[], at = Date.now()): DomainResolution {
    this.learn(found, at);
    const exact = found.filter((c) => c.domain?.toLowerCase() === domain);
    const r: DomainResolution = exact.length === 1 ? { kind: 'resolved', tenantId: exact[0]!.tenantId, at }
      : exact.length === 0 ? { kind: 'none', at }
      : { kind: 'several', count: exact.length, at };
    this.setDomain(domain, r);
    return r;
  }

  failedDomain(domain: string, message: string, at = Date.now()): void {
    // a failure never erases an earlier resolution: the tenant stays known
    if (this.domains.get(domain)?.kind !== 'resolved') this.setDomain(domain, { kind: 'failed', message: capText(message), at });
  }

  private setDomain(domain: string, r: DomainResolution): void {
    if (this.domains.has(domain) || this.domains.size < MAX_DOMAINS) this.domains.set(domain, r);
  }

  toJSON(): { customers: KnownCustomer[]; domains: Record<string, DomainResolution> } {
    return { customers: [...this.customers.values()], domains: Object.fromEntries(this.domains) };
  }

  /** Restores a saved book: an entry of the wrong shape is dropped with its reason (`dropped`), never thrown. */
  static fromJSON(data: unknown, dropped: Dropped = () => undefined): CustomerDirectoryBook {
    const book = new CustomerDirectoryBook();
    if (!isObject(data)) return book;
    if (Array.isArray(data.customers)) {
      for (const c of data.customers) {
        const why = customerProblem(c);
        if (why) dropped(isObject(c) && typeof c.tenantId === 'string' ? `customer ${capText(c.tenantId, 64)}` : 'a customer', why);
        else if (book.customers.size < MAX_CUSTOMERS) book.customers.set((c as KnownCustomer).tenantId, boundedCustomer(c as KnownCustomer));
      }
    }
    if (isObject(data.domains)) {
      for (const [k, v] of Object.entries(data.domains)) {
        const why = domainProblem(v);
        if (why) dropped(`domain ${capText(k, 64)}`, why);
        else book.setDomain(k, v as DomainResolution);
      }
    }
    return book;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const optionalText = (o: Record<string, unknown>, k: string) => o[k] === undefined || typeof o[k] === 'string';

function boundedCustomer(c: KnownCustomer): KnownCustomer {
  // only the known fields, service text capped
  const known = ['tenantId', 'companyName', 'domain', 'relationship', 'at', 'failed'];
  return Object.fromEntries(Object.entries(c).filter(([k, v]) => known.includes(k) && v !== undefined).map(([k, v]) => [k, typeof v === 'string' && k !== 'tenantId' ? capText(v) : v])) as unknown as KnownCustomer;
}

function customerProblem(c: unknown): string | undefined {
  if (!isObject(c) || typeof c.tenantId !== 'string') return 'no tenant id';
  if (typeof c.at !== 'number' || !Number.isFinite(c.at)) return 'no time';
  for (const k of ['companyName', 'domain', 'relationship', 'failed']) if (!optionalText(c, k)) return `${k} is not text`;
  return undefined;
}

function domainProblem(v: unknown): string | undefined {
  if (!isObject(v) || typeof v.at !== 'number') return 'not a domain answer';
  if (v.kind === 'resolved') return typeof v.tenantId === 'string' ? undefined : 'no tenant id';
  if (v.kind === 'none') return undefined;
  if (v.kind === 'several') return typeof v.count === 'number' ? undefined : 'no count';
  if (v.kind === 'failed') return typeof v.message === 'string' ? undefined : 'no message';
  return 'an unknown kind';
}
