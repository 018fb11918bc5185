// Paces requests to a ceiling (requests per minute) and slows further when the service answers 429:
// a smooth token bucket whose rate halves on throttling and recovers slowly; a Retry-After closes the
// gate for everyone until it passes, because Partner Center limits are per partner tenant.
import { abortError } from '../abort';

export interface RateGateOptions {
  readonly requestsPerMinute: number;
  /** Tokens that may be spent at once after an idle period (default 1: smooth pacing). */
  readonly burst?: number;
  readonly now?: () => number;
}

export class RateGate {
  private readonly ceiling: number; // per ms
  private rate: number; // per ms, <= ceiling
  private tokens: number;
  private readonly burst: number;
  private last: number;
  private closedUntil = 0;
  private queue: Promise<void> = Promise.resolve();
  private readonly now: () => number;
  throttledCount = 0;

  constructor(o: RateGateOptions) {
    if (!(o.requestsPerMinute > 0)) throw new RangeError('requestsPerMinute must be positive');
    this.now = o.now ?? Date.now;
    this.ceiling = o.requestsPerMinute / 60_000;
    this.rate = this.ceiling;
    this.burst = Math.max(1, o.burst ?? 1);
    this.tokens = this.burst;
    this.last = this.now();
  }

  get requestsPerMinute(): number {
    return this.rate * 60_000;
  }

  /** Waits for a slot; requests leave in arrival order. */
  acquire(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.take(signal));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** The service said 429: close the gate for `retryAfterMs` and halve the pace (never below 1/min). */
  throttled(retryAfterMs: number): void {
    this.throttledCount++;
    this.closedUntil = Math.max(this.closedUntil, this.now() + retryAfterMs);
    this.rate = Math.max(this.rate / 2, 1 / 60_000);
    this.tokens = 0;
  }

  private async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw abortError(signal);
      const now = this.now();
      this.tokens = Math.min(this.burst, this.tokens + (now - this.last) * this.rate);
      this.last = now;
      const closed = this.closedUntil - now;
      if (closed <= 0 && this.tokens >= 1) {
        this.tokens -= 1;
        // recover 5% of the lost pace per request that went through
        this.rate = Math.min(this.ceiling, this.rate + (this.ceiling - this.rate) * 0.05 + this.ceiling * 0.01);
        return;
      }
      const wait = Math.max(closed, (1 - this.tokens) / this.rate, 1);
      await sleep(Math.ceil(wait), signal);
    }
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    const onAbort = () => { clearTimeout(timer); reject(abortError(signal!)); };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
