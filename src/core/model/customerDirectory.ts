// What the extension learned from Partner Center's customer directory: company name, default domain and
// relationship per tenant, and what each configured domain resolved to. Serializable for workspace state.
import { Customer } from './customer';

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
      const fresh = Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined && v !== '')) as Customer;
      this.customers.set(c.tenantId, known && !known.failed ? { ...known, ...fresh, at } : { ...fresh, at });
    }
  }

  /** Partner Center would not describe this tenant: remembered so it is asked once. */
  unknown(tenantId: string, message: string, at = Date.now()): void {
    this.byDomain = undefined;
    if (!this.customers.get(tenantId)?.companyName) this.customers.set(tenantId, { tenantId, at, failed: message });
  }

  /** The answer of a Domain prefix search: only an exact (case-insensitive) domain match resolves. */
  resolved(domain: string, found: readonly Customer[], at = Date.now()): DomainResolution {
    this.learn(found, at);
    const exact = found.filter((c) => c.domain?.toLowerCase() === domain);
    const r: DomainResolution = exact.length === 1 ? { kind: 'resolved', tenantId: exact[0]!.tenantId, at }
      : exact.length === 0 ? { kind: 'none', at }
      : { kind: 'several', count: exact.length, at };
    this.domains.set(domain, r);
    return r;
  }

  failedDomain(domain: string, message: string, at = Date.now()): void {
    // a failure never erases an earlier resolution: the tenant stays known
    if (this.domains.get(domain)?.kind !== 'resolved') this.domains.set(domain, { kind: 'failed', message, at });
  }

  toJSON(): { customers: KnownCustomer[]; domains: Record<string, DomainResolution> } {
    return { customers: [...this.customers.values()], domains: Object.fromEntries(this.domains) };
  }

  static fromJSON(data: unknown): CustomerDirectoryBook {
    const book = new CustomerDirectoryBook();
    const d = data as { customers?: unknown; domains?: unknown } | undefined;
    if (Array.isArray(d?.customers)) {
      for (const c of d.customers as KnownCustomer[]) if (c && typeof c.tenantId === 'string' && typeof c.at === 'number') book.customers.set(c.tenantId, c);
    }
    if (d?.domains && typeof d.domains === 'object') {
      for (const [k, v] of Object.entries(d.domains as Record<string, DomainResolution>)) if (v && typeof v.kind === 'string') book.domains.set(k, v);
    }
    return book;
  }
}
