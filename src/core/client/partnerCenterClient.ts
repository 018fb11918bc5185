// GET {base}/v1/customers/{tenant}/qualifications through the client's own undici dispatcher, with the
// Partner Center headers, a capped body, the retry policy (in the dispatcher) and one token refresh on 401.
import { randomUUID } from 'crypto';
import type { Dispatcher } from 'undici';
import { abortError, isAbort } from '../abort';
import { RateGate } from '../batch/rateGate';
import { Logger, silentLogger } from '../log';
import { normalizeTenantId } from '../model/tenantId';
import { QualificationsResult } from '../model/qualification';
import { Cloud } from './clouds';
import { PartnerCenterError, isPartnerCenterError } from './errors';
import { parseQualifications } from './parseQualifications';
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

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

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
    const tenantId = normalizeTenantId(tenantInput);
    if (!tenantId) throw new PartnerCenterError('invalid-tenant', `"${String(tenantInput).slice(0, 60)}" is not a tenant id (a GUID).`);
    const correlationId = call.correlationId ?? randomUUID();
    const requestId = randomUUID(); // kept across retries of this request, new for the next one
    const path = `${this.basePath}/v1/customers/${tenantId}/qualifications`;
    const started = Date.now();
    let response: RawResponse | undefined;
    try {
      let token = await this.o.tokens.getToken({ signal: call.signal });
      response = await this.send(path, token, requestId, correlationId, call.signal);
      if (response.status === 401 && !/mfa|900421|10001/i.test(response.body)) {
        this.log.info(`tenant ${tenantId}: 401, refreshing the token once (request ${requestId})`);
        token = await this.o.tokens.getToken({ signal: call.signal, forceRefresh: true });
        response = await this.send(path, token, requestId, correlationId, call.signal);
      }
      const ids = { requestId: response.ids.requestId ?? requestId, correlationId: response.ids.correlationId ?? correlationId, cv: response.ids.cv };
      if (response.status !== 200) throw errorFromResponse(response.status, response.body, response.contentType, ids, tenantId);
      let qualifications;
      try {
        qualifications = parseQualifications(response.body);
      } catch (e) {
        throw isPartnerCenterError(e) ? new PartnerCenterError(e.kind, e.message, { ...ids, status: 200 }) : e;
      }
      this.log.info(`tenant ${tenantId}: 200 in ${Date.now() - started} ms, ${qualifications.length} qualification(s) (request ${ids.requestId}, correlation ${ids.correlationId})`);
      return { tenantId, qualifications, requestId: ids.requestId, correlationId: ids.correlationId, checkedAt: Date.now() };
    } catch (e) {
      const error = toPartnerCenterError(e, { requestId: response?.ids.requestId ?? requestId, correlationId }, call.signal);
      this.log.warn(`tenant ${tenantId}: ${error.kind}${error.status ? ` ${error.status}` : ''}${error.code ? `/${error.code}` : ''} in ${Date.now() - started} ms: ${error.message} (request ${error.requestId}, correlation ${error.correlationId})`);
      throw error;
    }
  }

  private async send(path: string, token: string, requestId: string, correlationId: string, signal?: AbortSignal): Promise<RawResponse> {
    if (signal?.aborted) throw abortError(signal);
    await this.o.gate?.acquire(signal);
    const res = await this.o.dispatcher.request({
      origin: this.origin,
      path,
      method: 'GET',
      signal,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
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
