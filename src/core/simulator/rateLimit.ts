// The simulator's per-partner rate limiters, so tests and the benchmark can face each policy a service may
// really apply behind "500 requests per minute": a sliding window (the documented reading), a fixed window
// (counters reset on the minute) and a token bucket (a burst capacity refilled at a steady rate).
// A refused request is not counted; the answer's Retry-After (whole seconds, at least 1) is when one fits.

export type LimiterSpec =
  | { readonly kind: 'sliding-window'; readonly limit: number; readonly windowMs?: number }
  | { readonly kind: 'fixed-window'; readonly limit: number; readonly windowMs?: number }
  | { readonly kind: 'token-bucket'; readonly capacity: number; readonly refillPerMinute: number };

export interface Limiter {
  readonly spec: LimiterSpec;
  /** Counts a request of `partner` at `now`: undefined lets it through, a number is the Retry-After in seconds. */
  take(partner: string, now: number): number | undefined;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export function createLimiter(spec: LimiterSpec): Limiter {
  switch (spec.kind) {
    case 'sliding-window': return slidingWindow(spec, spec.limit, spec.windowMs ?? 60_000);
    case 'fixed-window': return fixedWindow(spec, spec.limit, spec.windowMs ?? 60_000);
    case 'token-bucket': return tokenBucket(spec, spec.capacity, spec.refillPerMinute / 60_000);
  }
}

function slidingWindow(spec: LimiterSpec, limit: number, windowMs: number): Limiter {
  const hits = new Map<string, { times: number[]; head: number }>();
  return {
    spec,
    take(partner, now) {
      let h = hits.get(partner);
      if (!h) hits.set(partner, (h = { times: [], head: 0 }));
      while (h.head < h.times.length && h.times[h.head]! <= now - windowMs) h.head++;
      if (h.head > 1024) { h.times = h.times.slice(h.head); h.head = 0; }
      if (h.times.length - h.head < limit) {
        h.times.push(now);
        return undefined;
      }
      // the oldest request in the window leaves it at times[head] + windowMs
      return seconds(h.times[h.head]! + windowMs - now);
    },
  };
}

function fixedWindow(spec: LimiterSpec, limit: number, windowMs: number): Limiter {
  const counts = new Map<string, { start: number; count: number }>();
  return {
    spec,
    take(partner, now) {
      const start = Math.floor(now / windowMs) * windowMs;
      let c = counts.get(partner);
      if (!c || c.start !== start) counts.set(partner, (c = { start, count: 0 }));
      if (c.count < limit) {
        c.count++;
        return undefined;
      }
      return seconds(start + windowMs - now);
    },
  };
}

function tokenBucket(spec: LimiterSpec, capacity: number, perMs: number): Limiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    spec,
    take(partner, now) {
      let b = buckets.get(partner);
      if (!b) buckets.set(partner, (b = { tokens: capacity, at: now }));
      b.tokens = Math.min(capacity, b.tokens + (now - b.at) * perMs);
      b.at = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return undefined;
      }
      return seconds((1 - b.tokens) / perMs);
    },
  };
}
