// The retry policy partners know from the Partner Center .NET SDK, as undici retry-interceptor callback:
// never retry 400/401/403/404/409; retry 408, 5xx and network errors up to 3 times with backoff;
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

const RETRY_STATUSES = new Set([408, 500, 502, 503, 504]);
const NETWORK_CODES = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'EAI_AGAIN',
  'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CLOSED',
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

type RetryCallback = RetryHandler.RetryCallback;

export function partnerCenterRetry(o: RetryPolicyOptions): RetryCallback {
  const maxRetries = o.maxRetries ?? 3;
  const backoff = o.backoffMs ?? [500, 1500, 3500];
  const maxThrottle = o.maxThrottleRetries ?? 6;
  const maxRetryAfter = o.maxRetryAfterMs ?? 120_000;
  return (err, { state, opts }, cb) => {
    const e = err as Error & { statusCode?: number; code?: string; headers?: Record<string, string | string[]> };
    const signal = (opts as { signal?: AbortSignal }).signal;
    const idempotent = IDEMPOTENT.has(String((opts as { method?: string }).method ?? 'GET').toUpperCase());
    const wait = (ms: number, reason: string) => {
      if (signal?.aborted) return cb(err);
      o.onRetry?.(reason);
      const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); cb(null); }, ms);
      const onAbort = () => { clearTimeout(timer); cb(err); };
      signal?.addEventListener('abort', onAbort, { once: true });
    };
    const status = e.statusCode;
    if (status === 429) {
      const named = parseRetryAfter(e.headers?.['retry-after']);
      const after = named ?? 1000;
      o.onThrottled?.(after);
      if (!idempotent && named === undefined) return cb(err);
      if (state.counter > maxThrottle || after > maxRetryAfter) return cb(err);
      return wait(after, '429');
    }
    const retriable = !idempotent
      ? status === undefined && e.code !== undefined && NOT_SENT_CODES.has(e.code)
      : status !== undefined ? RETRY_STATUSES.has(status) : e.code !== undefined && NETWORK_CODES.has(e.code);
    if (!retriable || state.counter > maxRetries) return cb(err);
    return wait(backoff[Math.min(state.counter - 1, backoff.length - 1)] ?? 500, status ? String(status) : (e.code ?? 'network'));
  };
}
