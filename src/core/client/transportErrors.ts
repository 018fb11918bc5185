// Maps whatever a call threw (undici, the deadline, a cancel, our own errors) to a PartnerCenterError.
import { isAbort } from '../abort';
import { PartnerCenterError, isPartnerCenterError } from './errors';
import { ResponseIds } from './responseError';
import { DEADLINE_CODE } from './retryPolicy';

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT', DEADLINE_CODE]);

export function toPartnerCenterError(e: unknown, ids: ResponseIds, signal?: AbortSignal): PartnerCenterError {
  const unknownOutcome = (e as { unknownOutcome?: boolean } | null)?.unknownOutcome === true;
  if (signal?.aborted || isAbort(e)) {
    return new PartnerCenterError('cancelled', unknownOutcome ? 'Cancelled after the request was sent: Partner Center may have received it.' : 'Cancelled.', { ...ids, unknownOutcome });
  }
  if (isPartnerCenterError(e)) {
    return e.requestId || e.correlationId ? e : new PartnerCenterError(e.kind, e.message, { ...ids, status: e.status, code: e.code, description: e.description, unknownOutcome });
  }
  const err = e as { code?: string; message?: string; cause?: { code?: string } };
  const code = err?.code ?? err?.cause?.code;
  const timeout = code !== undefined && TIMEOUT_CODES.has(code);
  if (unknownOutcome) {
    const what = timeout ? 'no answer came in time' : `the connection broke before the answer came (${code ?? 'network'})`;
    return new PartnerCenterError(timeout ? 'timeout' : 'network', `Partner Center may have received the request: ${what}.`, { ...ids, code, unknownOutcome });
  }
  if (timeout) return new PartnerCenterError('timeout', 'Partner Center did not answer in time. Check the network or try again.', { ...ids, code });
  if (code && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return untrustedCertificate(code, ids);
  const what = code ? ` (${code})` : '';
  return new PartnerCenterError('network', `Could not reach Partner Center${what}. Check the network and proxy settings.`, { ...ids, code });
}

export function untrustedCertificate(code: string, ids: ResponseIds = {}): PartnerCenterError {
  return new PartnerCenterError('network', `The server's TLS certificate is not trusted (${code}). If a proxy inspects TLS, trust its CA or turn off http.proxyStrictSSL.`, { ...ids, code });
}
