// One Partner Center request, attempt after attempt: every attempt (first or retry) passes the rate gate, runs
// under an overall deadline covering headers and the whole body (undici's timeouts are idle timers: a server
// dribbling a byte every few seconds never trips them), and reads a capped body. An error body drained
// before a retry is cut at a few KB, so a 20 MB 503 page costs 64 KB and the final error still says 503.
// Retries happen here and not in undici's retry interceptor, which sits below the gate and drains error
// bodies in full.
import type { Dispatcher } from 'undici';
import { abortError } from '../abort';
import { RateGate, sleep } from '../batch/rateGate';
import { PartnerCenterError } from './errors';
import { ResponseIds } from './responseError';
import { DEADLINE_CODE, RetryPolicyOptions, retryDecision, surelyNotSent } from './retryPolicy';

export interface AttemptContext {
  readonly dispatcher: Dispatcher;
  readonly origin: string;
  readonly gate?: RateGate;
  readonly retry?: RetryPolicyOptions;
  /** Longest time one attempt may take from sending to the body's last byte. */
  readonly deadlineMs: number;
  readonly maxBodyBytes: number;
  /** Error bodies are read up to this many bytes; the rest is dropped (only the message is wanted). */
  readonly maxErrorBodyBytes?: number;
}

export interface OutgoingRequest {
  readonly path: string;
  readonly method: 'GET' | 'POST';
  readonly body?: string;
  readonly headers: Record<string, string>;
  readonly signal?: AbortSignal;
  /** Statuses that carry a body to parse (others are errors: their body is read only up to the error cap). */
  readonly ok: readonly number[];
}

export interface RawResponse {
  readonly status: number;
  readonly body: string;
  readonly contentType?: string;
  readonly ids: ResponseIds;
  readonly retryAfter?: string | string[];
}

export const DEFAULT_DEADLINE_MS = 60_000;
export const DEFAULT_MAX_ERROR_BODY_BYTES = 64 * 1024;

/** Tells the dispatcher's retry interceptor (if any) to leave this request alone: the loop below retries it. */
const NO_INTERCEPTOR_RETRY = { retry: (err: Error, _ctx: unknown, cb: (e: Error | null) => void) => cb(err) };

/** Sends a request, retrying it by the Partner Center policy; the last answer is returned whatever its status. */
export async function sendWithRetries(c: AttemptContext, req: OutgoingRequest): Promise<RawResponse> {
  for (let retries = 0; ; retries++) {
    let failure: Error & { code?: string };
    let answer: RawResponse | undefined;
    let dispatched = false;
    let deadline: AbortSignal | undefined;
    try {
      if (req.signal?.aborted) throw abortError(req.signal);
      await c.gate?.acquire(req.signal);
      // the deadline starts when the attempt leaves, not while it waits for the budget
      deadline = AbortSignal.timeout(c.deadlineMs);
      const signal = req.signal ? AbortSignal.any([req.signal, deadline]) : deadline;
      dispatched = true;
      answer = await attempt(c, req, signal);
    } catch (e) {
      failure = e as Error & { code?: string };
      if (req.signal?.aborted) throw unknownIf(dispatched && req.method === 'POST', abortError(req.signal));
      if (failure instanceof PartnerCenterError) throw failure; // an over-long body: not the network's fault
      if (deadline?.aborted) failure = Object.assign(new Error(`no complete answer within ${Math.round(c.deadlineMs / 1000)} s`), { code: DEADLINE_CODE });
      failure.code ??= (failure as { cause?: { code?: string } }).cause?.code;
    }
    const status = answer?.status;
    if (answer && req.ok.includes(answer.status)) return answer;
    const d = retryDecision({ method: req.method, status, code: answer ? undefined : failure!.code, retryAfter: answer?.retryAfter, retries }, c.retry);
    if (d.retry && d.throttledMs !== undefined) {
      c.gate?.throttled(d.throttledMs);
      c.retry?.onThrottled?.(d.throttledMs);
    }
    if (!d.retry) {
      if (answer) return answer;
      // a write that may have reached the service must not be reported as surely failed, nor resent
      throw unknownIf(req.method === 'POST' && !surelyNotSent(failure!.code), failure!);
    }
    c.retry?.onRetry?.(d.reason);
    // a 429 closed the gate for everyone: the gate's own wait covers it; other retries back off first
    if (!(d.throttledMs !== undefined && c.gate)) await sleep(d.waitMs, req.signal);
  }
}

async function attempt(c: AttemptContext, req: OutgoingRequest, signal: AbortSignal): Promise<RawResponse> {
  const res = await c.dispatcher.request({
    origin: c.origin,
    path: req.path,
    method: req.method,
    signal,
    headers: req.headers,
    ...(req.body !== undefined ? { body: req.body } : {}),
    ...({ retryOptions: NO_INTERCEPTOR_RETRY } as object),
  });
  const header = (n: string) => {
    const v = res.headers[n];
    return Array.isArray(v) ? v[0] : v;
  };
  const ok = req.ok.includes(res.statusCode);
  const body = ok ? await readCapped(res.body, c.maxBodyBytes) : await readHead(res.body, c.maxErrorBodyBytes ?? DEFAULT_MAX_ERROR_BODY_BYTES);
  return {
    status: res.statusCode,
    body,
    contentType: header('content-type'),
    ids: { requestId: header('ms-requestid'), correlationId: header('ms-correlationid'), cv: header('ms-cv') },
    retryAfter: res.headers['retry-after'],
  };
}

function unknownIf<E extends Error>(unknown: boolean, e: E): E {
  return unknown ? Object.assign(e, { unknownOutcome: true }) : e;
}

/** Reads a body as text, cancelling it once it passes `max` bytes. */
export async function readCapped(body: Dispatcher.ResponseData['body'], max: number): Promise<string> {
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

/** The first `max` bytes of a body (an error's message is at its start); the rest is never read. */
async function readHead(body: Dispatcher.ResponseData['body'], max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size >= max) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, max).toString('utf8');
}
