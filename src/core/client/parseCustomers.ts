// Turns 200 bodies of GET /v1/customers (a page of the collection) and GET /v1/customers/{id} into typed
// customers. A page must carry "items"; its next link must carry the continuation token it needs.
import { Customer } from '../model/customer';
import { normalizeTenantId } from '../model/tenantId';
import { PartnerCenterError } from './errors';

export interface NextLink {
  /** The uri as sent: "/customers?..." or "/v1/customers?..." (or absolute). */
  readonly uri: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface ParsedPage {
  readonly customers: Customer[];
  readonly totalCount?: number;
  readonly next?: NextLink;
}

function malformed(what: string): PartnerCenterError {
  return new PartnerCenterError('malformed-response', `Partner Center sent an unexpected customer list: ${what}.`);
}

function json(body: string, what: string): unknown {
  try {
    return JSON.parse(body);
  } catch (e) {
    throw new PartnerCenterError('malformed-response', `Partner Center sent an unexpected ${what}: the body is not JSON (${(e as Error).message.split('\n')[0]}).`);
  }
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** One customer object; undefined when it has no usable tenant id. */
function toCustomer(raw: unknown): Customer | undefined {
  if (!isObject(raw)) return undefined;
  const profile = isObject(raw.companyProfile) ? raw.companyProfile : {};
  const tenantId = normalizeTenantId(profile.tenantId) ?? normalizeTenantId(raw.id);
  if (!tenantId) return undefined;
  const companyName = text(profile.companyName);
  const domain = text(profile.domain)?.toLowerCase();
  const relationship = text(raw.relationshipToPartner);
  return { tenantId, ...(companyName ? { companyName } : {}), ...(domain ? { domain } : {}), ...(relationship ? { relationship } : {}) };
}

export function parseCustomerPage(body: string): ParsedPage {
  const page = json(body, 'customer list');
  if (!isObject(page)) throw malformed('not an object');
  if (!Array.isArray(page.items)) throw malformed('no "items" list');
  const customers = page.items.map(toCustomer).filter((c): c is Customer => c !== undefined);
  const totalCount = typeof page.totalCount === 'number' ? page.totalCount : undefined;
  const rawNext = isObject(page.links) ? page.links.next : undefined;
  if (rawNext === undefined || rawNext === null) return { customers, totalCount };
  const uri = isObject(rawNext) ? text(rawNext.uri) : undefined;
  const headers: Record<string, string> = {};
  if (isObject(rawNext) && Array.isArray(rawNext.headers)) {
    for (const h of rawNext.headers) if (isObject(h) && typeof h.key === 'string' && typeof h.value === 'string') headers[h.key] = h.value;
  }
  const token = Object.entries(headers).find(([k, v]) => k.toLowerCase() === 'ms-continuationtoken' && v);
  if (!uri || !token) {
    const error = malformed(uri ? 'a next link without its MS-ContinuationToken' : 'a next link without a uri');
    throw Object.assign(error, { partial: customers });
  }
  // only the token goes back: headers a body chose (Authorization, Host...) are never sent with our token
  return { customers, totalCount, next: { uri, headers: { 'MS-ContinuationToken': token[1] } } };
}

export function parseCustomer(body: string): Customer {
  const c = toCustomer(json(body, 'customer'));
  if (!c) throw new PartnerCenterError('malformed-response', 'Partner Center sent an unexpected customer: no tenant id.');
  return c;
}

/** The request path of a next link under the API's base path: "/v1" is added only when missing. */
export function nextLinkPath(basePath: string, uri: string): string {
  let rest = uri;
  if (/^https?:\/\//i.test(rest)) {
    const u = new URL(rest);
    rest = `${u.pathname}${u.search}`;
    if (basePath && rest.startsWith(basePath)) rest = rest.slice(basePath.length);
  }
  if (!rest.startsWith('/')) rest = `/${rest}`;
  return `${basePath}${/^\/v1(\/|\?|$)/i.test(rest) ? rest : `/v1${rest}`}`;
}
