// Partner Center calls through the client's own undici dispatcher: GET qualifications, the customer directory
// (list, search, get by id) and validation codes, POST a qualification request; the Partner Center headers,
// attempts under a deadline with capped bodies and counted retries (attempts.ts), one token refresh on 401.
import { randomUUID } from 'crypto';
import type { Dispatcher } from 'undici';
import { RateGate } from '../batch/rateGate';
import { Logger, silentLogger } from '../log';
import { normalizeTenantId } from '../model/tenantId';
import { Customer, CustomerPage, CustomerSearchField } from '../model/customer';
import { Qualification, QualificationsResult } from '../model/qualification';
import { QualificationRequest, describeRequest, requestBody, requestQuery } from '../requests/qualificationRequest';
import { ValidationCode, parseValidationCodes } from '../requests/validationCodes';
import { Cloud } from './clouds';
import { PartnerCenterError, isPartnerCenterError } from './errors';
import { ParsedPage, nextLinkPath, parseCustomer, parseCustomerPage } from './parseCustomers';
import { parseQualificationAnswer, parseQualifications } from './parseQualifications';
import { ResponseIds, errorFromResponse } from './responseError';
import { DEFAULT_DEADLINE_MS, sendWithRetries } from './attempts';
import { DEFAULT_MAX_PAGES, PagingGuard } from './pagingGuard';
import { RetryPolicyOptions } from './retryPolicy';
import { toPartnerCenterError } from './transportErrors';
import { TokenProvider } from './tokenProvider';
import type { RawResponse } from './attempts';

export interface PartnerCenterClientOptions {
  readonly cloud: Cloud;
  readonly tokens: TokenProvider;
  readonly dispatcher: Dispatcher;
  readonly gate?: RateGate;
  readonly applicationName?: string;
  readonly logger?: Logger;
  /** Larger bodies are refused (a qualifications list is a few hundred bytes). */
  readonly maxBodyBytes?: number;
  /** Longest time one attempt may take, headers and whole body (the `partnerCenter.requestTimeoutSeconds` setting, read per call). */
  readonly deadlineMs?: number | (() => number);
  /** Backoff, limits and observers of the retry policy. */
  readonly retry?: RetryPolicyOptions;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
  /** One per batch (refresh), so the calls of one operation can be traced together. */
  readonly correlationId?: string;
}

/** What the service answered to a qualification request. */
export interface RequestedQualification {
  readonly tenantId: string;
  readonly request: QualificationRequest;
  /** The qualification as the service sent it back (InReview for vetted kinds); undefined for an empty body. */
  readonly qualification?: Qualification;
  readonly requestId?: string;
  readonly correlationId?: string;
  /** Epoch milliseconds of the answer. */
  readonly at: number;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** Partner Center serves at most 500 customers a page. */
export const MAX_PAGE_SIZE = 500;

export interface ListCustomersOptions {
  /** Customers per page (at most 500). */
  readonly pageSize?: number;
  /** A prefix search on company name or default domain (Partner Center's starts_with filter). */
  readonly search?: { readonly field: CustomerSearchField; readonly prefix: string };
  /** A listing that goes past this many pages ends with an error (default 2,000). */
  readonly maxPages?: number;
}

export class PartnerCenterClient {
  private readonly log: Logger;
  private readonly origin: string;
  private readonly basePath: string;

  constructor(private readonly o: PartnerCenterClientOptions) {
    this.log = o.logger ?? silentLogger;
    const base = new URL(o.cloud.apiBaseUrl);
    this.origin = base.origin;
    this.basePath = base.pathname.replace(/\/+$/, '');
  }

  async getQualifications(tenantInput: string, call: CallOptions = {}): Promise<QualificationsResult> {
    const tenantId = tenantIdOf(tenantInput);
    const { response, ids, started } = await this.exchange(`tenant ${tenantId}`, `/v1/customers/${tenantId}/qualifications`, { method: 'GET' }, call, tenantId);
    const qualifications = this.parsed(`tenant ${tenantId}`, ids, () => parseQualifications(response.body));
    this.log.info(`tenant ${tenantId}: 200 in ${Date.now() - started} ms, ${qualifications.length} qualification(s) (request ${ids.requestId}, correlation ${ids.correlationId})`);
    return { tenantId, qualifications, requestId: ids.requestId, correlationId: ids.correlationId, checkedAt: Date.now(), sentAt: started };
  }

  /** The partner's GCC validation codes (GET /v1/customers/all/validations). */
  async getValidationCodes(call: CallOptions = {}): Promise<ValidationCode[]> {
    const { response, ids, started } = await this.exchange('validation codes', '/v1/customers/all/validations', { method: 'GET' }, call);
    const codes = this.parsed('validation codes', ids, () => parseValidationCodes(response.body));
    this.log.info(`validation codes: 200 in ${Date.now() - started} ms, ${codes.length} code(s) (request ${ids.requestId})`);
    return codes;
  }

  /**
   * POST /v1/customers/{tenant}/qualifications: app+user only, a JSON body, its own MS-RequestId. The
   * dispatcher's retry policy sees the POST and retries it only when the service cannot have acted on it.
   */
  async requestQualification(tenantInput: string, request: QualificationRequest, call: CallOptions = {}): Promise<RequestedQualification> {
    const tenantId = tenantIdOf(tenantInput);
    const what = describeRequest(request);
    if (this.o.tokens.signInMode === 'app') {
      throw new PartnerCenterError('app-only', 'Requesting a qualification needs an app + user sign-in; app-only sign-in can only read. Sign in as a user.');
    }
    const label = `tenant ${tenantId} request ${what}`;
    const body = JSON.stringify(requestBody(request));
    const { response, ids, started } = await this.exchange(label, `/v1/customers/${tenantId}/qualifications${requestQuery(request)}`, { method: 'POST', body }, call, tenantId, [200, 201]);
    const qualification = this.parsed(label, ids, () => parseQualificationAnswer(response.body));
    this.log.info(`${label}: ${response.status} in ${Date.now() - started} ms, ${qualification ? `${qualification.name} ${qualification.rawStatus ?? 'held'}` : 'no body'} (request ${ids.requestId}, correlation ${ids.correlationId})`);
    return { tenantId, request, qualification, requestId: ids.requestId, correlationId: ids.correlationId, at: Date.now() };
  }

  /** GET /v1/customers/{id}: the customer's company name, default domain and relationship. */
  async getCustomer(tenantInput: string, call: CallOptions = {}): Promise<Customer> {
    const tenantId = tenantIdOf(tenantInput);
    const { value } = await this.getJson(`customers/${tenantId}`, `customer ${tenantId}`, call, parseCustomer, { tenantId });
    return value;
  }

  /**
   * The partner's customers, page by page (GET /v1/customers, then each links.next with its continuation
   * token). Every page passes the rate gate; cancelling the signal ends the iteration with a 'cancelled'
   * error. A malformed page yields what it held, then throws.
   */
  async *listCustomers(o: ListCustomersOptions = {}, call: CallOptions = {}): AsyncGenerator<CustomerPage> {
    const size = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(o.pageSize ?? MAX_PAGE_SIZE)));
    const filter = o.search ? `&filter=${encodeURIComponent(JSON.stringify({ Field: o.search.field, Value: o.search.prefix, Operator: 'starts_with' }))}` : '';
    const correlationId = call.correlationId ?? randomUUID();
    let path = `${this.basePath}/v1/customers?size=${size}${filter}`;
    let headers: Record<string, string> = {};
    let read = 0;
    const guard = new PagingGuard(o.maxPages ?? DEFAULT_MAX_PAGES);
    for (let index = 0; ; index++) {
      const what = `customers page ${index + 1}`;
      let page: ParsedPage;
      try {
        page = (await this.getJson(path, what, { ...call, correlationId }, parseCustomerPage, { headers, absolute: true })).value;
      } catch (e) {
        const partial = (e as { partial?: Customer[] }).partial;
        if (partial?.length) yield { customers: partial, index };
        throw readSoFar(e, read + (partial?.length ?? 0));
      }
      read += page.customers.length;
      yield { customers: page.customers, totalCount: page.totalCount, index };
      if (!page.next) return;
      try {
        guard.next(page.customers.length, page.next.headers['MS-ContinuationToken'], read);
      } catch (e) {
        this.log.warn(`${what}: ${(e as Error).message}`);
        throw e;
      }
      path = nextLinkPath(this.basePath, page.next.uri);
      headers = { ...page.next.headers };
    }
  }

  /** Customers whose company name or default domain starts with `prefix` (case-insensitive), up to `limit`. */
  async searchCustomers(field: CustomerSearchField, prefix: string, limit = 50, call: CallOptions = {}): Promise<Customer[]> {
    const found: Customer[] = [];
    for await (const page of this.listCustomers({ search: { field, prefix }, pageSize: Math.min(limit, MAX_PAGE_SIZE) }, call)) {
      found.push(...page.customers);
      if (found.length >= limit) break;
    }
    return found.slice(0, limit);
  }

  /** A GET whose body `parse` reads; a malformed customer page keeps what it held (`partial`) on its error. */
  private async getJson<T>(
    route: string, what: string, call: CallOptions, parse: (body: string) => T,
    o: { tenantId?: string; headers?: Record<string, string>; absolute?: boolean } = {},
  ): Promise<{ value: T; ids: { requestId: string; correlationId: string } }> {
    const resource = o.absolute ? route : `/v1/${route}`;
    const { response, ids } = await this.exchange(what, resource, { method: 'GET' }, call, o.tenantId, [200], { headers: o.headers, absolute: o.absolute });
    return { value: this.parsed(what, ids, () => parse(response.body)), ids };
  }

  /** One call with the Partner Center headers, one token refresh on a 401 (not on MFA), errors mapped and logged. */
  private async exchange(
    label: string, resource: string, req: { method: 'GET' | 'POST'; body?: string }, call: CallOptions, tenantId?: string, ok: readonly number[] = [200],
    o: { headers?: Record<string, string>; absolute?: boolean } = {},
  ) {
    const correlationId = call.correlationId ?? randomUUID();
    const requestId = randomUUID(); // kept across retries of this request, new for the next one
    // a next link is a path of its own (with or without the base's path), already resolved by nextLinkPath
    const path = o.absolute ? resource : `${this.basePath}${resource}`;
    const started = Date.now();
    let response: RawResponse | undefined;
    try {
      const send = (token: string) => sendWithRetries(this.attempts, {
        path, method: req.method, body: req.body, signal: call.signal, ok, headers: this.headers(token, requestId, correlationId, req.body !== undefined, o.headers),
      });
      const token = await this.o.tokens.getToken({ signal: call.signal });
      response = await send(token);
      if (response.status === 401 && !/mfa|900421|10001/i.test(response.body)) {
        // a refused token means the service did nothing: sending again with a fresh one is safe, even for a POST;
        // naming the refused token lets concurrent 401s share one refresh
        this.log.info(`${label}: 401, refreshing the token once (request ${requestId})`);
        response = await send(await this.o.tokens.getToken({ signal: call.signal, forceRefresh: true, refused: token }));
      }
      const ids = { requestId: response.ids.requestId ?? requestId, correlationId: response.ids.correlationId ?? correlationId, cv: response.ids.cv };
      if (!ok.includes(response.status)) throw errorFromResponse(response.status, response.body, response.contentType, ids, tenantId);
      return { response, ids, started };
    } catch (e) {
      const error = withPartial(toPartnerCenterError(e, { requestId: response?.ids.requestId ?? requestId, correlationId }, call.signal), e);
      this.log.warn(`${label}: ${error.kind}${error.status ? ` ${error.status}` : ''}${error.code ? `/${error.code}` : ''} in ${Date.now() - started} ms: ${error.message} (request ${error.requestId}, correlation ${error.correlationId})`);
      throw error;
    }
  }

  /** Runs a body parser; its failure carries the call's ids and is logged like any other. */
  private parsed<T>(label: string, ids: ResponseIds, parse: () => T): T {
    try {
      return parse();
    } catch (e) {
      const error = withPartial(isPartnerCenterError(e) ? new PartnerCenterError(e.kind, e.message, { ...ids, status: 200 }) : toPartnerCenterError(e, ids), e);
      this.log.warn(`${label}: ${error.kind}: ${error.message} (request ${ids.requestId}, correlation ${ids.correlationId})`);
      throw error;
    }
  }

  private get attempts() {
    return { dispatcher: this.o.dispatcher, origin: this.origin, gate: this.o.gate, retry: this.o.retry, deadlineMs: (typeof this.o.deadlineMs === 'function' ? this.o.deadlineMs() : this.o.deadlineMs) ?? DEFAULT_DEADLINE_MS, maxBodyBytes: this.o.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES };
  }

  private headers(token: string, requestId: string, correlationId: string, json: boolean, extra: Record<string, string> = {}): Record<string, string> {
    return {
      ...extra,
      authorization: `Bearer ${token}`,
      accept: 'application/json',
      ...(json ? { 'content-type': 'application/json' } : {}),
      'ms-requestid': requestId,
      'ms-correlationid': correlationId,
      'ms-partnercenter-application': this.o.applicationName ?? 'Partner Center Qualifications for VS Code',
      'x-locale': 'en-US',
    };
  }
}

/** Keeps the customers a malformed page still held (parseCustomerPage puts them on its error). */
function withPartial(error: PartnerCenterError, from: unknown): PartnerCenterError {
  const partial = (from as { partial?: unknown } | null)?.partial;
  return partial === undefined ? error : Object.assign(error, { partial });
}

function tenantIdOf(input: string): string {
  const tenantId = normalizeTenantId(input);
  if (!tenantId) throw new PartnerCenterError('invalid-tenant', `"${String(input).slice(0, 60)}" is not a tenant id (a GUID).`);
  return tenantId;
}

/** A listing error that says how many customers were read before it (they were already yielded). */
function readSoFar(e: unknown, read: number): PartnerCenterError {
  const err = e as PartnerCenterError;
  if (!isPartnerCenterError(err) || err.kind === 'cancelled' || read === 0) return err;
  return new PartnerCenterError(err.kind, `${err.message} (after ${read} customers were read)`, { status: err.status, code: err.code, description: err.description, requestId: err.requestId, correlationId: err.correlationId, cv: err.cv });
}

export { toPartnerCenterError, untrustedCertificate } from './transportErrors';
