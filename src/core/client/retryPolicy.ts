// The retry policy partners know from the Partner Center .NET SDK, decided per failed attempt (the client's
// own retry loop, which sends every retry through the rate gate; MSAL's retry interceptor): never retry 400/401/403/404/409; retry 408, 5xx and network errors up to 3 times with backoff;
// on 429 wait Retry-After (seconds or HTTP date) and go on, telling the rate gate to slow down.
// A POST (not idempotent: the service may have acted on it) is retried only when it surely did not: a 429
// that names its Retry-After, or a connection that failed before a byte of the request was sent.
import type { RetryHandler } from 'undici';

export interface RetryPolicyOptions {
  readonly maxRetries?: number;
  /** Backoff before retry 1, 2, 3... (the SDK's 0.5 s, 1.5 s, 3.5 s). */
  readonly backoffMs?: readonly number[];
  /** How many 429s one request may sit out before it gives up. */
  readonly maxThrottleRetries?: number;
  /** Longest Retry-After honoured; a longer one ends the request as throttled. */
  readonly maxRetryAfterMs?: number;
  /** Called on every 429 with the wait the service asked for. */
  readonly onThrottled?: (retryAfterMs: number) => void;
  /** Called before each retry (for counting in logs and benchmarks). */
  readonly onRetry?: (reason: string) => void;
}

/** The code of an attempt cut off by the client's overall deadline (headers and whole body). */
export const DEADLINE_CODE = 'PCQ_DEADLINE';

const RETRY_STATUSES = new Set([408, 500, 502, 503, 504]);
const NETWORK_CODES = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'EAI_AGAIN',
  'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CLOSED', DEADLINE_CODE,
]);

/** Failures of connection set-up: the request never left, so even a POST may go again. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** What one failed attempt calls for: give up, or wait and send again (a 429 also says how long the service asked). */
export type RetryDecision = { readonly retry: false } | { readonly retry: true; readonly waitMs: number; readonly reason: string; readonly throttledMs?: number };

export interface AttemptFailure {
  readonly method: string;
  /** The HTTP status, when an answer came. */
  readonly status?: number;
  /** The transport error code, when none came. */
  readonly code?: string;
  readonly retryAfter?: string | string[];
  /** Retries already made for this request (0 after the first attempt). */
  readonly retries: number;
}

/** The Partner Center policy for one failed attempt; the client's own retry loop and MSAL's interceptor share it. */
export function retryDecision(f: AttemptFailure, o: RetryPolicyOptions = {}): RetryDecision {
  const maxRetries = o.maxRetries ?? 3;
  const backoff = o.backoffMs ?? [500, 1500, 3500];
  const maxThrottle = o.maxThrottleRetries ?? 6;
  const maxRetryAfter = o.maxRetryAfterMs ?? 120_000;
  const idempotent = IDEMPOTENT.has(f.method.toUpperCase());
  if (f.status === 429) {
    const named = parseRetryAfter(f.retryAfter);
    const after = named ?? 1000;
    if (!idempotent && named === undefined) return { retry: false };
    if (f.retries >= maxThrottle || after > maxRetryAfter) return { retry: false };
    return { retry: true, waitMs: after, reason: '429', throttledMs: after };
  }
  const retriable = !idempotent
    ? f.status === undefined && f.code !== undefined && NOT_SENT_CODES.has(f.code)
    : f.status !== undefined ? RETRY_STATUSES.has(f.status) : f.code !== undefined && NETWORK_CODES.has(f.code);
  if (!retriable || f.retries >= maxRetries) return { retry: false };
  return { retry: true, waitMs: backoff[Math.min(f.retries, backoff.length - 1)] ?? 500, reason: f.status ? String(f.status) : (f.code ?? 'network') };
}

/** Whether a failure of a write proves it never reached the service (no answer and the connection never carried it). */
export function surelyNotSent(code: string | undefined): boolean {
  return code !== undefined && NOT_SENT_CODES.has(code);
}

type RetryCallback = RetryHandler.RetryCallback;

/** The same policy as an undici retry-interceptor callback (MSAL's sign-in calls). */
export function partnerCenterRetry(o: RetryPolicyOptions): RetryCallback {
  return (err, { state, opts }, cb) => {
    const e = err as Error & { statusCode?: number; code?: string; headers?: Record<string, string | string[]> };
    const signal = (opts as { signal?: AbortSignal }).signal;
    const d = retryDecision({ method: String((opts as { method?: string }).method ?? 'GET'), status: e.statusCode, code: e.code, retryAfter: e.headers?.['retry-after'], retries: state.counter - 1 }, o);
    if (e.statusCode === 429) o.onThrottled?.(d.retry ? d.waitMs : parseRetryAfter(e.headers?.['retry-after']) ?? 1000);
    if (!d.retry || signal?.aborted) return cb(err);
    o.onRetry?.(d.reason);
    const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); cb(null); }, d.waitMs);
    const onAbort = () => { clearTimeout(timer); cb(err); };
    signal?.addEventListener('abort', onAbort, { once: true });
  };
}
