// A customer of the partner as Partner Center's customer directory describes it (GET /v1/customers).

export interface Customer {
  /** Canonical (lower-case) tenant id. */
  readonly tenantId: string;
  readonly companyName?: string;
  /** The default domain, e.g. contoso.onmicrosoft.com. */
  readonly domain?: string;
  /** relationshipToPartner as sent, e.g. "reseller", "advisor". */
  readonly relationship?: string;
}

/** Which field a customer search matches by prefix. */
export type CustomerSearchField = 'CompanyName' | 'Domain';

export interface CustomerPage {
  readonly customers: readonly Customer[];
  /** The directory's size when the service says (totalCount of the first page is the page count on some tenants). */
  readonly totalCount?: number;
  /** 0 for the first page. */
  readonly index: number;
}
