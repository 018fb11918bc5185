// The simulator's Partner Center API: qualifications (GET, POST), GCC validations and the paged customer
// list, behind bearer-token checks (signature, audience, expiry, MFA for app+user) and a per-partner rate limit.
import { randomUUID } from 'crypto';
import type { IncomingMessage, ServerResponse } from 'http';
import { SimulatedCustomer } from './customers';
import { FaultState, HTML_ERROR_PAGE, SEED_DOCUMENT_BODY } from './faults';
import { readBody, send } from './http';
import { Claims, TokenSigner } from './jwt';
import { Limiter } from './rateLimit';
import { TimelineState } from './vettingTimeline';
import { SimulatedValidation, demoValidations, judgeRequest } from './qualificationRequests';

export interface ApiOptions {
  readonly signer: TokenSigner;
  readonly apiResource: () => string;
  /** App+user tokens without MFA are refused (Partner Center's rule since April 2026). */
  requireMfa: boolean;
  latencyMs: number;
  /** The per-partner rate limit; undefined = unlimited. */
  limiter?: Limiter;
  /** Faults for every customer call (besides each customer's own), tried in order. */
  globalFaults: FaultState[];
  /** Tokens issued (epoch ms) up to this are refused as expired. */
  tokensExpireBefore: number;
  /** When the first token was issued (timelines that start on sign-in). */
  readonly signedInAt?: () => number | undefined;
  /** A fault for customer list/search pages only. */
  listFault?: FaultState;
}

/** A customer-directory call: a list or search page, or one customer by id. */
export interface DirectoryRecord {
  readonly at: number;
  readonly route: 'list' | 'customer';
  readonly status: number;
  /** The customer asked for (route 'customer'). */
  readonly tenantId?: string;
  /** The filter of a search page, as sent. */
  readonly filter?: string;
  /** Arrival to answer on the server, including the simulated latency: the per-page service time. */
  readonly serviceMs: number;
}

export interface RequestRecord {
  readonly at: number;
  readonly tenantId?: string;
  readonly method?: string;
  readonly status: number;
  readonly requestId?: string;
  readonly correlationId?: string;
}

export interface ApiStats {
  requests: number;
  byStatus: Record<number, number>;
  /** Every qualifications call, in order (tenant, status, time). */
  log: RequestRecord[];
  /** Authorization headers seen (so tests can assert where tokens went). */
  authorizationHeaders: number;
  /** Every customer-directory call, in order. */
  directory: DirectoryRecord[];
}

const pcError = (res: ServerResponse, status: number, code: string | number, description: string, extra: Record<string, string> = {}) =>
  send(res, status, { code, description, data: [], source: 'PartnerFD' }, extra);

export class PartnerCenterApi {
  readonly customers = new Map<string, SimulatedCustomer & { faultState?: FaultState; timelineState?: TimelineState }>();
  readonly stats: ApiStats = { requests: 0, byStatus: {}, log: [], authorizationHeaders: 0, directory: [] };
  /** The partner's GCC validation codes; a successful GCC request uses one create. */
  validations: SimulatedValidation[] = demoValidations();

  constructor(private readonly o: ApiOptions, customers: SimulatedCustomer[]) {
    for (const c of customers) this.upsert(c);
  }

  upsert(c: SimulatedCustomer): void {
    this.customers.set(c.tenantId.toLowerCase(), { ...c, faultState: c.fault ? new FaultState(c.fault) : undefined, timelineState: c.vettingTimeline ? new TimelineState(c.vettingTimeline) : undefined });
  }

  /** Sets (or with undefined, ends) a customer's vetting timeline; its clock and request count start again. */
  setTimeline(tenantId: string, timeline: SimulatedCustomer['vettingTimeline']): void {
    const c = this.customers.get(tenantId.toLowerCase());
    if (!c) throw new Error(`simulator: no customer ${tenantId}`);
    c.vettingTimeline = timeline;
    c.timelineState = timeline ? new TimelineState(timeline) : undefined;
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (!url.pathname.startsWith('/v1/')) return false;
    const requestId = String(req.headers['ms-requestid'] ?? randomUUID());
    const correlationId = String(req.headers['ms-correlationid'] ?? randomUUID());
    res.setHeader('ms-requestid', requestId);
    res.setHeader('ms-correlationid', correlationId);
    res.setHeader('ms-cv', `${randomUUID().slice(0, 8)}.0`);
    const arrived = performance.now();
    const q = /^\/v1\/customers\/([^/]+)\/qualifications$/.exec(url.pathname);
    const one = /^\/v1\/customers\/([^/]+)$/.exec(url.pathname);
    const list = url.pathname === '/v1/customers' || url.pathname === '/v1/customers/';
    const tenantId = q ? decodeURIComponent(q[1]!).toLowerCase() : undefined;
    const customerId = one ? decodeURIComponent(one[1]!).toLowerCase() : undefined;
    const record = (status: number) => {
      this.stats.requests++;
      this.stats.byStatus[status] = (this.stats.byStatus[status] ?? 0) + 1;
      if (tenantId) this.stats.log.push({ at: Date.now(), tenantId, method: req.method, status, requestId, correlationId });
      if (list || customerId) {
        this.stats.directory.push({
          at: Date.now(), route: list ? 'list' : 'customer', status, serviceMs: performance.now() - arrived,
          ...(customerId ? { tenantId: customerId } : {}), ...(url.searchParams.get('filter') ? { filter: url.searchParams.get('filter')! } : {}),
        });
      }
    };
    const origWriteHead = res.writeHead.bind(res);
    res.writeHead = ((status: number, ...rest: unknown[]) => { record(status); return (origWriteHead as (...a: unknown[]) => ServerResponse)(status, ...rest); }) as typeof res.writeHead;

    if (this.o.latencyMs > 0) await delay(this.o.latencyMs);
    const claims = this.authenticate(req, res);
    if (!claims) return true;
    if (this.rateLimited(res, String(claims.tid))) return true;

    if (q && req.method === 'GET') return await this.getQualifications(res, tenantId!), true;
    if (q && req.method === 'POST') return await this.postQualification(req, res, url, tenantId!, claims), true;
    if (url.pathname === '/v1/customers/all/validations' && req.method === 'GET') {
      send(res, 200, this.validations.map((v, i) => ({ partnerId: claims.tid, ...v, eTag: `W/"${i + 1}.${v.remainingCreates}"` })));
      return true;
    }
    if (list && req.method === 'GET') return await this.listCustomers(req, res, url), true;
    if (customerId && req.method === 'GET') return await this.getCustomer(res, customerId), true;
    pcError(res, 404, 1000, 'Resource not found.');
    return true;
  }

  private authenticate(req: IncomingMessage, res: ServerResponse): Claims | undefined {
    const auth = req.headers.authorization;
    if (auth) this.stats.authorizationHeaders++;
    const token = /^Bearer (.+)$/.exec(auth ?? '')?.[1];
    const claims = token ? this.o.signer.verify(token) : undefined;
    const challenge = { 'www-authenticate': 'Bearer error="invalid_token"' };
    if (!claims) return void pcError(res, 401, 800001, 'Partner token missing or not valid.', challenge);
    if (claims.aud !== this.o.apiResource()) return void pcError(res, 401, 800002, `Token audience ${String(claims.aud)} is not Partner Center.`, challenge);
    if (claims.exp * 1000 < Date.now() || Number(claims.issued_ms ?? 0) <= this.o.tokensExpireBefore) return void pcError(res, 401, 800003, 'The access token has expired.', challenge);
    if (claims.idtyp === 'user' && this.o.requireMfa && !(Array.isArray(claims.amr) && claims.amr.includes('mfa'))) {
      return void pcError(res, 401, 900421, 'Authentication failed. MFA required.');
    }
    return claims;
  }

  private rateLimited(res: ServerResponse, partner: string): boolean {
    const wait = this.o.limiter?.take(partner, Date.now());
    if (wait === undefined) return false;
    send(res, 429, { statusCode: 429, message: `Rate limit is exceeded. Try again in ${wait} seconds.` }, { 'retry-after': String(wait) });
    return true;
  }

  private async getQualifications(res: ServerResponse, tenantId: string): Promise<void> {
    const c = this.customers.get(tenantId);
    if (await this.faulted(res, [c?.faultState], tenantId)) return;
    if (!c) return pcError(res, 404, 60003, `Tenant ${tenantId} was not found.`);
    const list = c.timelineState ? c.timelineState.answer(c.qualifications, Date.now(), this.o.signedInAt?.()) : c.qualifications;
    send(res, 200, c.shape === 'wrapped' ? { qualifications: list } : list);
  }

  private fail(res: ServerResponse, f: FaultState, tenantId: string): void {
    const s = f.spec;
    switch (s.fault) {
      case 'latency': return; // handled by the caller: a delay, then the normal answer
      case 'server-error': return pcError(res, s.status ?? 503, 'ServiceUnavailable', 'The service is temporarily unavailable.');
      case 'request-timeout': return pcError(res, 408, 'RequestTimeout', 'The request timed out.');
      case 'reset': case 'reset-after-write': res.socket?.destroy(); return;
      case 'hang': return; // never answer
      case 'throttle': return send(res, 429, { statusCode: 429, message: 'Rate limit is exceeded. Try again in 1 seconds.' }, { 'retry-after': s.retryAfter ?? '1' });
      case 'malformed-json': return send(res, 200, SEED_DOCUMENT_BODY, { 'content-type': 'application/json' });
      case 'html-error': return send(res, s.status ?? 502, HTML_ERROR_PAGE, { 'content-type': 'text/html' });
      case 'bare-string-error': return send(res, s.status ?? 400, JSON.stringify(s.message ?? 'Customer tagging denied.'), { 'content-type': 'application/json' });
      case 'huge-body': return send(res, 200, JSON.stringify(Array.from({ length: 60_000 }, () => ({ qualification: 'Education', vettingStatus: 'Approved', vettingReason: 'x'.repeat(20) }))), { 'content-type': 'application/json' });
      case 'expired-token': return pcError(res, 401, 800003, 'The access token has expired.', { 'www-authenticate': 'Bearer error="invalid_token"' });
      case 'mfa-required': return pcError(res, 401, 900421, 'Authentication failed. MFA required.');
      case 'no-relationship': return pcError(res, 403, 20002, 'No relationship between caller and account.');
      case 'tenant-not-found': return pcError(res, 404, 60003, `Tenant ${tenantId} was not found.`);
      case 'forbidden-role': return pcError(res, 403, 'Forbidden', 'The supplied role does not have the rights to perform the requested operation.');
      case 'conflict': return pcError(res, 409, 'Conflict', 'A qualification request for this customer is already being processed.');
      case 'page-without-items': return send(res, 200, { totalCount: 0, links: {}, attributes: { objectType: 'Collection' } });
      case 'next-without-token': return send(res, 200, { totalCount: 0, items: [], links: { next: { uri: '/customers?seekOperation=Next', method: 'GET', headers: [] } } });
    }
  }

  private async postQualification(req: IncomingMessage, res: ServerResponse, url: URL, tenantId: string, claims: Claims): Promise<void> {
    if (claims.idtyp !== 'user') return pcError(res, 403, 'Forbidden', 'This operation requires app+user authentication.');
    const c = this.customers.get(tenantId);
    // the same faults as reads (5xx, 429, resets...), so clients can be tested on what a POST may meet
    let dropAnswer = false;
    for (const fault of [...this.o.globalFaults, c?.faultState]) {
      if (!fault?.fires(Math.random, 'POST')) continue;
      if (fault.spec.fault === 'reset-after-write') { dropAnswer = true; continue; }
      if (fault.spec.fault !== 'latency') return this.fail(res, fault, tenantId);
      await delay(fault.spec.latencyMs ?? 1000);
    }
    if (!c) return pcError(res, 404, 60003, `Tenant ${tenantId} was not found.`);
    if (!/^application\/json\b/i.test(String(req.headers['content-type'] ?? ''))) return pcError(res, 415, 'UnsupportedMediaType', 'Content-Type must be application/json.');
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return pcError(res, 400, 'BadRequest', 'The request body is not valid JSON.');
    }
    const verdict = judgeRequest(body, url.searchParams, c.qualifications, this.validations);
    if (!verdict.ok) return pcError(res, verdict.status, verdict.code, verdict.description);
    const name = String(verdict.entry.qualification).toLowerCase();
    c.qualifications = [...c.qualifications.filter((e) => String(e.qualification ?? e.Qualification ?? '').toLowerCase() !== name && String(e.qualification ?? '').toLowerCase() !== 'none'), verdict.entry];
    if (dropAnswer) return void res.socket?.destroy(); // acted on, but the answer is lost on the way
    send(res, 201, verdict.entry);
  }

  /** Global faults (5xx, 429, resets, latency...) and the given ones; true when one answered instead. */
  private async faulted(res: ServerResponse, faults: (FaultState | undefined)[], tenantId: string): Promise<boolean> {
    for (const fault of [...this.o.globalFaults, ...faults]) {
      if (!fault?.fires()) continue;
      if (fault.spec.fault !== 'latency') return this.fail(res, fault, tenantId), true;
      await delay(fault.spec.latencyMs ?? 1000);
    }
    return false;
  }

  private async getCustomer(res: ServerResponse, tenantId: string): Promise<void> {
    const c = this.customers.get(tenantId);
    // a customer's own fault counts here only when it is about the customer itself (relationship, existence, role)
    const own = c?.faultState && CUSTOMER_FAULTS.has(c.faultState.spec.fault) ? c.faultState : undefined;
    if (await this.faulted(res, [own], tenantId)) return;
    if (!c) return pcError(res, 404, 60003, `Tenant ${tenantId} was not found.`);
    send(res, 200, customerJson(c));
  }

  /**
   * A page of the directory, or of a prefix search (filter {"Field","Value","Operator":"starts_with"}).
   * The continuation token carries the position and the filter, as Partner Center's opaque one does;
   * next links alternate between the "/customers" and "/v1/customers" forms.
   */
  private async listCustomers(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (await this.faulted(res, [], '')) return;
    const size = Math.min(500, Math.max(1, Number(url.searchParams.get('size') ?? 500) || 500));
    const token = req.headers['ms-continuationtoken'];
    let state: { start: number; filter?: string };
    try {
      state = token ? JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8')) : { start: 0, filter: url.searchParams.get('filter') ?? undefined };
    } catch {
      return pcError(res, 400, 'InvalidContinuationToken', 'The continuation token is not valid.');
    }
    let match: (c: SimulatedCustomer) => boolean = () => true;
    if (state.filter) {
      let f: { Field?: string; Value?: string; Operator?: string };
      try {
        f = JSON.parse(state.filter);
      } catch {
        return pcError(res, 400, 'BadRequest', 'The filter is not valid JSON.');
      }
      const field = String(f.Field ?? '').toLowerCase();
      if (!['companyname', 'domain'].includes(field) || String(f.Operator ?? '').toLowerCase() !== 'starts_with' || typeof f.Value !== 'string') {
        return pcError(res, 400, 'BadRequest', 'Filter by CompanyName or Domain with starts_with.');
      }
      const prefix = f.Value.toLowerCase();
      match = (c) => (field === 'domain' ? domainOf(c) : c.name).toLowerCase().startsWith(prefix);
    }
    const all = [...this.customers.values()].filter(match);
    const start = state.start;
    const items = all.slice(start, start + size).map(customerJson);
    const pageIndex = Math.floor(start / size);
    const fault = this.o.listFault?.fires() ? this.o.listFault.spec.fault : undefined;
    if (fault && fault !== 'page-without-items' && fault !== 'next-without-token') return this.fail(res, this.o.listFault!, '');
    const nextToken = Buffer.from(JSON.stringify({ start: start + size, filter: state.filter })).toString('base64url');
    const next = start + size < all.length
      ? { next: { uri: `${pageIndex % 2 ? '/v1' : ''}/customers?size=${size}&seekOperation=Next`, method: 'GET', headers: fault === 'next-without-token' ? [] : [{ key: 'MS-ContinuationToken', value: nextToken }] } }
      : {};
    const body: Record<string, unknown> = { totalCount: all.length, items, links: next, attributes: { objectType: 'Collection' } };
    if (fault === 'page-without-items') delete body.items;
    send(res, 200, body);
  }
}

const CUSTOMER_FAULTS = new Set(['no-relationship', 'tenant-not-found', 'forbidden-role']);

const domainOf = (c: SimulatedCustomer) => c.domain ?? `t${c.tenantId.replace(/-/g, '').slice(-12)}.onmicrosoft.com`;

const customerJson = (c: SimulatedCustomer) => ({
  id: c.tenantId,
  companyProfile: { tenantId: c.tenantId, domain: domainOf(c), companyName: c.name },
  relationshipToPartner: c.relationship ?? 'reseller',
  attributes: { objectType: 'Customer' },
});

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
