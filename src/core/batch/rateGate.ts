// The request budget of one partner: at most `limit` requests in any window of `windowMs` (Partner Center
// documents 500 per minute per partner tenant). Below the budget requests leave at once, so a refresh of a
// few hundred tenants is bound only by concurrency and latency; a larger one spends the budget and then
// follows the window as old requests age out. On 429 the service's Retry-After closes the gate for every
// caller; then the gate paces smoothly at half the budget's average rate and recovers slowly, because a
// service whose real policy is stricter than documented (e.g. a token bucket) must not be hit in bursts.
// Pacing ends after a whole window without a 429 at the full rate.
import { abortError } from '../abort';

/** Time as the gate sees it; tests pass a fake one. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = { now: () => Date.now(), sleep: (ms, signal) => sleep(ms, signal) };

export interface RateGateOptions {
  /** L: requests allowed in any window (the `partnerCenter.maxRequestsPerMinute` setting). */
  readonly limit: number;
  /** W: the window's length (default 60 s). */
  readonly windowMs?: number;
  /** Added to the window on our side, so clock skew and network jitter never put L+1 in the service's window. */
  readonly marginMs?: number;
  readonly clock?: Clock;
}

export const DEFAULT_WINDOW_MS = 60_000;

export class RateGate {
  private limitValue: number;
  private readonly windowMs: number;
  private readonly marginMs: number;
  private readonly clock: Clock;
  /** Send times (sorted), from `head` on: those still inside the window. */
  private sends: number[] = [];
  private head = 0;
  private closedUntil = 0;
  /** Smooth pacing after a 429: the pace in requests per ms, the next free slot and the last 429. */
  private pace?: { rate: number; nextAt: number; lastThrottle: number };
  private queue: Promise<void> = Promise.resolve();
  throttledCount = 0;

  constructor(o: RateGateOptions) {
    this.limitValue = checkLimit(o.limit);
    this.windowMs = o.windowMs ?? DEFAULT_WINDOW_MS;
    this.marginMs = o.marginMs ?? Math.min(1000, this.windowMs * 0.01);
    this.clock = o.clock ?? systemClock;
  }

  get limit(): number {
    return this.limitValue;
  }

  /** The setting changed: the new L applies to the same window (a change never grants a fresh budget). */
  setLimit(limit: number): void {
    this.limitValue = checkLimit(limit);
    if (this.pace) this.pace.rate = Math.min(this.pace.rate, this.ceiling);
  }

  /** The current pace in requests per minute: the budget's average, or less while recovering from a 429. */
  get requestsPerMinute(): number {
    return (this.pace?.rate ?? this.ceiling) * 60_000;
  }

  get pacing(): boolean {
    return this.pace !== undefined;
  }

  /** Requests counted in the window ending now (first attempts and retries alike). */
  inWindow(): number {
    this.prune(this.clock.now());
    return this.sends.length - this.head;
  }

  /** Waits for a slot; requests leave in arrival order. */
  acquire(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.take(signal));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /**
   * The service said 429 and the request will be sent again after `retryAfterMs` (the retry passes this gate
   * like any request, so it is counted when it leaves): close the gate for everyone until then and pace at
   * half the rate (once per episode: eight requests answered 429 together halve it once).
   */
  throttled(retryAfterMs: number): void {
    const now = this.clock.now();
    this.throttledCount++;
    const reopen = now + Math.max(0, retryAfterMs);
    const sameEpisode = this.pace !== undefined && now < this.closedUntil;
    this.closedUntil = Math.max(this.closedUntil, reopen);
    if (!this.pace) this.pace = { rate: this.ceiling / 2, nextAt: 0, lastThrottle: now };
    else if (!sameEpisode) this.pace.rate = Math.max(this.pace.rate / 2, 1 / 60_000);
    this.pace.lastThrottle = now;
    this.pace.nextAt = Math.max(this.pace.nextAt, this.closedUntil);
  }

  private get ceiling(): number {
    return this.limitValue / this.windowMs;
  }

  private async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw abortError(signal);
      const now = this.clock.now();
      const at = this.nextSlot(now);
      if (at <= now) {
        this.grant(now);
        return;
      }
      await this.clock.sleep(Math.max(1, Math.ceil(at - now)), signal);
    }
  }

  /** The earliest time the next request may leave. */
  private nextSlot(now: number): number {
    this.prune(now);
    const count = this.sends.length - this.head;
    // every window holding `now` has fewer than L when fewer than L were sent (or reserved) since now - W
    const windowAt = count >= this.limitValue ? this.sends[this.sends.length - this.limitValue]! + this.windowMs + this.marginMs : 0;
    return Math.max(windowAt, this.closedUntil, this.pace?.nextAt ?? 0);
  }

  private grant(now: number): void {
    this.insert(now);
    const pace = this.pace;
    if (!pace) return;
    const ceiling = this.ceiling;
    // recover 5% of the lost pace (and 1% of the full one) per request that went through
    pace.rate = Math.min(ceiling, pace.rate + (ceiling - pace.rate) * 0.05 + ceiling * 0.01);
    pace.nextAt = now + 1 / pace.rate;
    if (pace.rate >= ceiling && now - pace.lastThrottle >= this.windowMs) this.pace = undefined;
  }

  private insert(t: number): void {
    let i = this.sends.length;
    while (i > this.head && this.sends[i - 1]! > t) i--;
    if (i === this.sends.length) this.sends.push(t);
    else this.sends.splice(i, 0, t);
  }

  /** Forgets sends older than the window; compacts now and then so memory stays about L entries. */
  private prune(now: number): void {
    const from = now - this.windowMs - this.marginMs;
    while (this.head < this.sends.length && this.sends[this.head]! <= from) this.head++;
    if (this.head > 1024 && this.head * 2 > this.sends.length) {
      this.sends = this.sends.slice(this.head);
      this.head = 0;
    }
  }
}

function checkLimit(limit: number): number {
  if (!(limit >= 1) || !Number.isFinite(limit)) throw new RangeError('the request limit must be a positive number');
  return Math.floor(limit);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    const onAbort = () => { clearTimeout(timer); reject(abortError(signal!)); };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
