// Partner Center calls through the client's own undici dispatcher: GET qualifications, the customer directory
// (list, search, get by id) and validation codes, POST a qualification request; the Partner Center headers, a capped body, the retry policy (in the
// dispatcher, stricter for the POST) and one token refresh on 401.
import { randomUUID } from 'crypto';
import type { Dispatcher } from 'undici';
import { abortError, isAbort } from '../abort';
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
import { TokenProvider } from './tokenProvider';

export interface PartnerCenterClientOptions {
  readonly cloud: Cloud;
  readonly tokens: TokenProvider;
  readonly dispatcher: Dispatcher;
  readonly gate?: RateGate;
  readonly applicationName?: string;
  readonly logger?: Logger;
  /** Larger bodies are refused (a qualifications list is a few hundred bytes). */
  readonly maxBodyBytes?: number;
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
}

interface RawResponse {
  readonly status: number;
  readonly body: string;
  readonly contentType?: string;
  readonly ids: ResponseIds;
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
      let token = await this.o.tokens.getToken({ signal: call.signal });
      response = await this.send(path, req, token, requestId, correlationId, call.signal, o.headers);
      if (response.status === 401 && !/mfa|900421|10001/i.test(response.body)) {
        // a refused token means the service did nothing: sending again with a fresh one is safe, even for a POST
        this.log.info(`${label}: 401, refreshing the token once (request ${requestId})`);
        token = await this.o.tokens.getToken({ signal: call.signal, forceRefresh: true });
        response = await this.send(path, req, token, requestId, correlationId, call.signal, o.headers);
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

  private async send(path: string, req: { method: 'GET' | 'POST'; body?: string }, token: string, requestId: string, correlationId: string, signal?: AbortSignal, extra: Record<string, string> = {}): Promise<RawResponse> {
    if (signal?.aborted) throw abortError(signal);
    await this.o.gate?.acquire(signal);
    const res = await this.o.dispatcher.request({
      origin: this.origin,
      path,
      method: req.method,
      signal,
      ...(req.body !== undefined ? { body: req.body } : {}),
      headers: {
        ...extra,
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}),
        'ms-requestid': requestId,
        'ms-correlationid': correlationId,
        'ms-partnercenter-application': this.o.applicationName ?? 'Partner Center Qualifications for VS Code',
        'x-locale': 'en-US',
      },
    });
    const header = (n: string) => {
      const v = res.headers[n];
      return Array.isArray(v) ? v[0] : v;
    };
    const body = await readCapped(res.body, this.o.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    return {
      status: res.statusCode,
      body,
      contentType: header('content-type'),
      ids: { requestId: header('ms-requestid'), correlationId: header('ms-correlationid'), cv: header('ms-cv') },
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

/** Reads a body as text, cancelling it once it passes `max` bytes. */
async function readCapped(body: Dispatcher.ResponseData['body'], max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > max) {
      body.destroy();
      throw new PartnerCenterError('malformed-response', `Partner Center sent a body larger than ${Math.round(max / 1024)} KB; refused.`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

export function toPartnerCenterError(e: unknown, ids: ResponseIds, signal?: AbortSignal): PartnerCenterError {
  if (signal?.aborted || isAbort(e)) return new PartnerCenterError('cancelled', 'Cancelled.', ids);
  if (isPartnerCenterError(e)) {
    return e.requestId || e.correlationId ? e : new PartnerCenterError(e.kind, e.message, { ...ids, status: e.status, code: e.code, description: e.description });
  }
  const err = e as { code?: string; message?: string; cause?: { code?: string } };
  const code = err?.code ?? err?.cause?.code;
  if (code && TIMEOUT_CODES.has(code)) return new PartnerCenterError('timeout', 'Partner Center did not answer in time. Check the network or try again.', { ...ids, code });
  if (code && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return untrustedCertificate(code, ids);
  const what = code ? ` (${code})` : '';
  return new PartnerCenterError('network', `Could not reach Partner Center${what}. Check the network and proxy settings.`, { ...ids, code });
}

export function untrustedCertificate(code: string, ids: ResponseIds = {}): PartnerCenterError {
  return new PartnerCenterError('network', `The server's TLS certificate is not trusted (${code}). If a proxy inspects TLS, trust its CA or turn off http.proxyStrictSSL.`, { ...ids, code });
}
