// Re-checks the tenants whose vetting is In Review until a verdict comes, on a small share of the request
// budget: each tenant has its own next check (interval plus jitter, so a reload or many tenants added at once
// do not check together), never more than one check per tenant per interval, at most `maxChecksPerMinute`
// checks in any minute, back-off on 429 (all tenants) and on repeated failures (that tenant), a pause while
// the network is down, and a stop when the user is signed out. The clock is injected (tests, benchmark).

/** What one check of one tenant came to. */
export type CheckResult = 'ok' | 'failed' | 'throttled' | 'offline' | 'signed-out';

export interface WatchClock {
  now(): number;
  /** Runs `fn` after `ms`; returns a cancel function. */
  setTimer(fn: () => void, ms: number): () => void;
}

export const systemClock: WatchClock = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    // a timer past 2^31 ms fires at once in Node: cap it (the scheduler re-arms when it fires early)
    const t = setTimeout(fn, Math.min(Math.max(0, ms), 2 ** 31 - 1));
    t.unref?.();
    return () => clearTimeout(t);
  },
};

export interface WatchOptions {
  readonly intervalMs: number;
  /** Checks allowed in any 60 s (the watcher's share of the request budget). */
  readonly maxChecksPerMinute: number;
  /** Up to this fraction of the interval is added at random to each next check (default 0.1). */
  readonly jitter?: number;
  /** Tenants handed to one `check` call at most (default 10). */
  readonly maxPerRound?: number;
  /** The longest back-off (default 24 h). */
  readonly maxBackoffMs?: number;
  /** How long to wait before trying again with no network (default the smaller of 5 min and the interval). */
  readonly offlineRetryMs?: number;
  /** Checks the tenants; a tenant missing from the answer is scheduled as if it succeeded. */
  readonly check: (tenantIds: readonly string[], signal: AbortSignal) => Promise<ReadonlyMap<string, CheckResult>>;
  /** Called with the state to keep whenever it changed (after each round, watch, checked). */
  readonly save?: (state: SavedWatch) => void;
  /** Called when the scheduler stopped by itself (signed out). */
  readonly onStopped?: (reason: 'signed-out') => void;
  readonly clock?: WatchClock;
  readonly random?: () => number;
}

export const WATCH_VERSION = 1;

export interface SavedWatch {
  readonly version: number;
  /** Tenant id to its next check (epoch ms) and failures in a row. */
  readonly tenants: Record<string, { next: number; failures: number }>;
  readonly pausedUntil: number;
  readonly throttles: number;
}

interface Entry { next: number; failures: number }

const MINUTE = 60_000;

export class WatchScheduler {
  private readonly entries = new Map<string, Entry>();
  private readonly clock: WatchClock;
  private readonly random: () => number;
  private cancelTimer?: () => void;
  private round?: Promise<void>;
  private abort?: AbortController;
  /** Times of the checks of the last minute (the budget window). */
  private readonly recent: number[] = [];
  private pausedUntil = 0;
  /** 429 answers in a row (each doubles the pause). */
  private throttles = 0;
  private active = false;
  /** Checks made since creation (for the benchmark and the log). */
  checksMade = 0;

  constructor(private readonly o: WatchOptions, saved?: unknown) {
    if (!(o.intervalMs > 0) || !(o.maxChecksPerMinute > 0)) throw new RangeError('intervalMs and maxChecksPerMinute must be positive');
    this.clock = o.clock ?? systemClock;
    this.random = o.random ?? Math.random;
    this.load(saved);
  }

  get running(): boolean {
    return this.active;
  }

  get watched(): string[] {
    return [...this.entries.keys()];
  }

  nextCheck(tenantId: string): number | undefined {
    return this.entries.get(key(tenantId))?.next;
  }

  /** Paused until (429 back-off or no network); 0 when not paused. */
  get pausedUntilTime(): number {
    return this.pausedUntil > this.clock.now() ? this.pausedUntil : 0;
  }

  /**
   * The tenants to watch (those In Review). New ones get their first check an interval after their last
   * check (`lastChecked`, else now); tenants no longer listed are dropped.
   */
  watch(tenantIds: Iterable<string>, lastChecked?: (tenantId: string) => number | undefined): void {
    const now = this.clock.now();
    const wanted = new Set([...tenantIds].map(key));
    let changed = false;
    for (const id of [...this.entries.keys()]) if (!wanted.has(id)) { this.entries.delete(id); changed = true; }
    for (const id of wanted) {
      if (this.entries.has(id)) continue;
      const last = lastChecked?.(id) ?? now;
      // checked long ago (an earlier session): soon, but spread out
      const next = last + this.jittered(this.o.intervalMs) > now ? last + this.jittered(this.o.intervalMs) : now + this.spread();
      this.entries.set(id, { next, failures: 0 });
      changed = true;
    }
    if (changed) this.changed();
  }

  /** The tenant was just checked by something else (a refresh): its next watch check is an interval away. */
  checked(tenantId: string, ok: boolean): void {
    const e = this.entries.get(key(tenantId));
    if (!e) return;
    e.next = this.clock.now() + this.jittered(this.o.intervalMs);
    if (ok) e.failures = 0;
    this.changed();
  }

  start(): void {
    if (this.active) return;
    this.active = true;
    this.arm();
  }

  /** Stops checking (sign-out, window closing, setting off); a running round is cancelled. */
  stop(): void {
    this.active = false;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.abort?.abort();
  }

  /** Resolves when no round runs (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.round) await this.round;
  }

  toJSON(): SavedWatch {
    const tenants: SavedWatch['tenants'] = {};
    for (const [id, e] of this.entries) tenants[id] = { next: e.next, failures: e.failures };
    return { version: WATCH_VERSION, tenants, pausedUntil: this.pausedUntil, throttles: this.throttles };
  }

  private load(saved: unknown): void {
    if (!isObject(saved) || saved.version !== WATCH_VERSION || !isObject(saved.tenants)) return;
    const now = this.clock.now();
    for (const [id, e] of Object.entries(saved.tenants)) {
      if (!isObject(e) || !Number.isFinite(e.next) || !Number.isFinite(e.failures)) continue;
      const failures = Math.max(0, Math.floor(e.failures as number));
      // overdue after a reload or a closed window: spread out rather than all at once; never further away
      // than this interval (and back-off) gives (the interval may have been shortened since)
      const cap = now + this.jittered(Math.min(this.o.intervalMs * 2 ** Math.max(0, failures - 1), this.maxBackoff()));
      const next = (e.next as number) < now ? now + this.spread() : Math.min(e.next as number, cap);
      this.entries.set(key(id), { next, failures });
    }
    if (Number.isFinite(saved.pausedUntil)) this.pausedUntil = Math.min(saved.pausedUntil as number, now + this.maxBackoff());
    if (Number.isFinite(saved.throttles)) this.throttles = Math.max(0, Math.floor(saved.throttles as number));
  }

  private arm(): void {
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    if (!this.active || this.round || this.entries.size === 0) return;
    const now = this.clock.now();
    let at = Infinity;
    for (const e of this.entries.values()) at = Math.min(at, e.next);
    at = Math.max(at, this.pausedUntil);
    this.trimWindow(now);
    if (this.recent.length >= this.o.maxChecksPerMinute) at = Math.max(at, this.recent[0]! + MINUTE);
    this.cancelTimer = this.clock.setTimer(() => this.fire(), Math.max(0, at - now));
  }

  private fire(): void {
    this.cancelTimer = undefined;
    if (!this.active || this.round) return;
    this.round = this.runRound().finally(() => {
      this.round = undefined;
      this.arm();
    });
  }

  private async runRound(): Promise<void> {
    const now = this.clock.now();
    if (now < this.pausedUntil) return;
    this.trimWindow(now);
    const allowed = Math.min(this.o.maxPerRound ?? 10, this.o.maxChecksPerMinute - this.recent.length);
    if (allowed <= 0) return;
    const due = [...this.entries].filter(([, e]) => e.next <= now).sort((a, b) => a[1].next - b[1].next).slice(0, allowed).map(([id]) => id);
    if (due.length === 0) return;
    for (let i = 0; i < due.length; i++) this.recent.push(now);
    this.checksMade += due.length;
    this.abort = new AbortController();
    let results: ReadonlyMap<string, CheckResult>;
    try {
      results = await this.o.check(due, this.abort.signal);
    } catch {
      results = new Map(due.map((id) => [id, 'failed' as const]));
    } finally {
      this.abort = undefined;
    }
    if (!this.active) return;
    this.apply(due, results);
  }

  private apply(due: readonly string[], results: ReadonlyMap<string, CheckResult>): void {
    const now = this.clock.now();
    const all = due.map((id) => results.get(id) ?? lookupCaseless(results, id) ?? 'ok');
    if (all.includes('signed-out')) {
      this.stop();
      this.changed();
      this.o.onStopped?.('signed-out');
      return;
    }
    if (all.includes('throttled')) {
      this.throttles++;
      this.pausedUntil = now + Math.min(this.o.intervalMs * 2 ** (this.throttles - 1), this.maxBackoff());
    } else if (all.every((r) => r === 'offline')) {
      this.pausedUntil = now + (this.o.offlineRetryMs ?? Math.min(5 * MINUTE, this.o.intervalMs));
    } else if (all.includes('ok')) {
      this.throttles = 0;
    }
    due.forEach((id, i) => {
      const e = this.entries.get(id);
      if (!e) return;
      switch (all[i]) {
        case 'ok':
          e.failures = 0;
          e.next = now + this.jittered(this.o.intervalMs);
          break;
        case 'failed':
          // 1st failure: the usual interval; then 2x, 4x ... up to the longest back-off
          e.failures++;
          e.next = now + this.jittered(Math.min(this.o.intervalMs * 2 ** (e.failures - 1), this.maxBackoff()));
          break;
        default:
          // throttled or offline: not the tenant's fault; it is checked when the pause ends
          e.next = Math.max(e.next, this.pausedUntil);
      }
    });
    this.changed();
  }

  private maxBackoff(): number {
    return this.o.maxBackoffMs ?? 24 * 60 * MINUTE;
  }

  private trimWindow(now: number): void {
    while (this.recent.length && this.recent[0]! <= now - MINUTE) this.recent.shift();
  }

  /** Never less than the interval: the jitter only adds. */
  private jittered(ms: number): number {
    return ms + Math.floor(this.random() * (this.o.jitter ?? 0.1) * ms);
  }

  private spread(): number {
    return Math.floor(this.random() * Math.min(this.o.intervalMs / 4, 15 * MINUTE));
  }

  private changed(): void {
    this.o.save?.(this.toJSON());
    if (this.active && !this.round) this.arm();
  }
}

const key = (tenantId: string) => tenantId.toLowerCase();

function lookupCaseless(results: ReadonlyMap<string, CheckResult>, id: string): CheckResult | undefined {
  for (const [k, v] of results) if (k.toLowerCase() === id) return v;
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
