import * as assert from 'assert';
import { CheckResult, SavedWatch, WatchClock, WatchOptions, WatchScheduler } from '../../src/core/watch/watchScheduler';

const MIN = 60_000;

/** A clock that moves only when told; timers run in time order, with the promises they start settled. */
export class FakeClock implements WatchClock {
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private ids = 0;
  constructor(public time = 1_000_000) {}
  now = () => this.time;
  setTimer(fn: () => void, ms: number): () => void {
    const id = ++this.ids;
    this.timers.push({ at: this.time + Math.max(0, ms), fn, id });
    return () => { this.timers = this.timers.filter((t) => t.id !== id); };
  }
  get pending(): number { return this.timers.length; }
  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    for (;;) {
      await settle();
      const next = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.time = Math.max(this.time, next.at);
      next.fn();
    }
    this.time = target;
    await settle();
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
}

const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

interface Rig { clock: FakeClock; calls: { at: number; ids: string[] }[]; saved: SavedWatch[]; answer: (tenantId: string) => CheckResult; scheduler: WatchScheduler; stopped: string[] }

function rig(o: Partial<WatchOptions> = {}, saved?: unknown, clock = new FakeClock()): Rig {
  const r = { clock, calls: [], saved: [], answer: () => 'ok', stopped: [] } as unknown as Rig;
  let seed = 1;
  r.scheduler = new WatchScheduler({
    intervalMs: 15 * MIN, maxChecksPerMinute: 100, clock,
    random: () => ((seed = (seed * 16807) % 2147483647) / 2147483647),
    check: async (ids) => {
      r.calls.push({ at: clock.now(), ids: [...ids] });
      return new Map(ids.map((i) => [i, r.answer(i)]));
    },
    save: (s) => r.saved.push(s),
    onStopped: (why) => r.stopped.push(why),
    ...o,
  }, saved);
  return r;
}

const checksOf = (r: Rig, tenantId: string) => r.calls.filter((c) => c.ids.includes(tenantId)).map((c) => c.at);

describe('watch scheduler', () => {
  it('checks a watched tenant once per interval plus jitter, never sooner, and not before start', async () => {
    const r = rig();
    r.scheduler.watch([id(1)]);
    await r.clock.advance(60 * MIN);
    assert.strictEqual(r.calls.length, 0, 'not started');
    r.scheduler.start();
    const t0 = r.clock.now();
    await r.clock.advance(61 * MIN);
    const at = checksOf(r, id(1));
    assert.ok(at.length >= 3 && at.length <= 4, `checks in 61 min: ${at.length}`);
    assert.ok(at[0]! - t0 >= 0, 'the overdue first check came after start');
    for (let i = 1; i < at.length; i++) {
      const gap = at[i]! - at[i - 1]!;
      assert.ok(gap >= 15 * MIN && gap <= 16.5 * MIN, `gap ${gap / MIN} min within interval .. interval + 10%`);
    }
  });

  it('spreads tenants with jitter: 50 tenants added together are not all checked in the same minute', async () => {
    const r = rig({ maxPerRound: 100 });
    const ids = Array.from({ length: 50 }, (_, i) => id(i + 1));
    r.scheduler.watch(ids);
    const nexts = ids.map((t) => r.scheduler.nextCheck(t)!);
    assert.ok(nexts.every((n) => n >= r.clock.now() + 15 * MIN && n <= r.clock.now() + 16.5 * MIN));
    assert.ok(new Set(nexts.map((n) => Math.floor(n / 1000))).size > 20, 'next checks spread over the jitter window');
    r.scheduler.start();
    await r.clock.advance(17 * MIN);
    assert.strictEqual(new Set(r.calls.flatMap((c) => c.ids)).size, 50, 'each checked once');
    assert.ok(r.calls.length > 5, `in ${r.calls.length} rounds, not one burst`);
  });

  it('a tenant checked by a refresh waits a full interval from then; an unwatched one is dropped', async () => {
    const r = rig();
    r.scheduler.watch([id(1), id(2)]);
    r.scheduler.start();
    await r.clock.advance(10 * MIN);
    r.scheduler.checked(id(1), true);
    const refreshedAt = r.clock.now();
    r.scheduler.watch([id(1)]);
    assert.deepStrictEqual(r.scheduler.watched, [id(1)]);
    await r.clock.advance(20 * MIN);
    assert.deepStrictEqual(checksOf(r, id(2)), []);
    assert.ok(checksOf(r, id(1)).every((t) => t - refreshedAt >= 15 * MIN));
  });

  it('keeps to its budget: 1,000 tenants at 15 min with 20 checks a minute never exceed 20 in any minute', async () => {
    const r = rig({ maxChecksPerMinute: 20, maxPerRound: 10 });
    r.scheduler.watch(Array.from({ length: 1000 }, (_, i) => id(i + 1)), () => r.clock.now() - 60 * MIN);
    r.scheduler.start();
    await r.clock.advance(60 * MIN);
    const times = r.calls.flatMap((c) => c.ids.map(() => c.at));
    let worst = 0;
    for (const t of times) worst = Math.max(worst, times.filter((x) => x >= t && x < t + MIN).length);
    assert.ok(worst <= 20, `worst minute ${worst}`);
    assert.ok(times.length >= 1000, `the budget is used: ${times.length} checks in an hour`);
    const perTenant = new Map<string, number[]>();
    for (const c of r.calls) for (const t of c.ids) perTenant.set(t, [...(perTenant.get(t) ?? []), c.at]);
    for (const at of perTenant.values()) for (let i = 1; i < at.length; i++) assert.ok(at[i]! - at[i - 1]! >= 15 * MIN, 'never two checks of a tenant within an interval');
  });

  it('backs off on 429 for every tenant, doubling while it lasts, and recovers', async () => {
    const r = rig();
    r.scheduler.watch([id(1), id(2)], () => r.clock.now() - 20 * MIN);
    r.answer = () => 'throttled';
    r.scheduler.start();
    await r.clock.advance(5 * MIN);
    const first = r.calls.length;
    assert.ok(first >= 1);
    const pause1 = r.scheduler.pausedUntilTime - r.calls[first - 1]!.at;
    assert.strictEqual(pause1, 15 * MIN, 'first 429: paused one interval');
    await r.clock.advance(16 * MIN);
    const pause2 = r.scheduler.pausedUntilTime - r.calls[r.calls.length - 1]!.at;
    assert.strictEqual(pause2, 30 * MIN, 'second 429 in a row: doubled');
    r.answer = () => 'ok';
    await r.clock.advance(31 * MIN);
    assert.strictEqual(r.scheduler.pausedUntilTime, 0);
    assert.strictEqual(r.scheduler.toJSON().throttles, 0, 'reset after an answer');
  });

  it('backs off one tenant on repeated failures (1x, 2x, 4x the interval) without slowing the others', async () => {
    const r = rig({ jitter: 0 });
    r.scheduler.watch([id(1), id(2)]);
    r.answer = (t) => (t === id(1) ? 'failed' : 'ok');
    r.scheduler.start();
    await r.clock.advance(15 * MIN + 7 * 15 * MIN);
    const bad = checksOf(r, id(1));
    assert.deepStrictEqual(bad.slice(1).map((t, i) => (t - bad[i]!) / MIN), [15, 30, 60].slice(0, bad.length - 1));
    assert.strictEqual(checksOf(r, id(2)).length, 8, 'the healthy tenant every 15 min');
    assert.ok(r.scheduler.toJSON().tenants[id(1)]!.failures >= 3);
  });

  it('pauses while offline without counting failures; stops on sign-out and says so', async () => {
    const r = rig({ jitter: 0 });
    r.scheduler.watch([id(1)]);
    r.answer = () => 'offline';
    r.scheduler.start();
    await r.clock.advance(15 * MIN);
    assert.strictEqual(r.calls.length, 1);
    assert.strictEqual(r.scheduler.pausedUntilTime - r.clock.now(), 5 * MIN);
    assert.strictEqual(r.scheduler.toJSON().tenants[id(1)]!.failures, 0);
    r.answer = () => 'signed-out';
    await r.clock.advance(5 * MIN);
    assert.strictEqual(r.calls.length, 2);
    assert.strictEqual(r.scheduler.running, false);
    assert.deepStrictEqual(r.stopped, ['signed-out']);
    assert.strictEqual(r.clock.pending, 0, 'no timer left');
    await r.clock.advance(120 * MIN);
    assert.strictEqual(r.calls.length, 2, 'nothing after sign-out');
  });

  it('stop() cancels the round in flight and arms no timer', async () => {
    const clock = new FakeClock();
    let aborted = false;
    const s = new WatchScheduler({
      intervalMs: 15 * MIN, maxChecksPerMinute: 10, clock,
      check: (ids, signal) => new Promise((resolve) => signal.addEventListener('abort', () => { aborted = true; resolve(new Map(ids.map((i) => [i, 'failed' as const]))); })),
    });
    s.watch([id(1)], () => clock.now() - 30 * MIN);
    s.start();
    await clock.advance(4 * MIN);
    s.stop();
    await s.idle();
    assert.ok(aborted);
    assert.strictEqual(clock.pending, 0);
    assert.strictEqual(s.toJSON().tenants[id(1)]!.failures, 0, 'a cancelled check is not a failure');
  });

  it('persists next checks: a reload keeps future ones, spreads overdue ones, and reads bad state as empty', async () => {
    const r = rig({ jitter: 0 });
    r.scheduler.watch([id(1), id(2)]);
    const saved = JSON.parse(JSON.stringify(r.saved.at(-1)));
    const later = new FakeClock(r.clock.now() + 5 * MIN);
    const again = rig({}, saved, later);
    assert.strictEqual(again.scheduler.nextCheck(id(1)), r.scheduler.nextCheck(id(1)), 'a future check is kept');
    again.scheduler.start();
    await later.advance(9 * MIN);
    assert.strictEqual(again.calls.length, 0, 'nothing re-checked because of the reload');
    await later.advance(2 * MIN);
    assert.strictEqual(again.calls.flatMap((c) => c.ids).length, 2);

    const manyOverdue = { version: 1, tenants: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [id(i + 1), { next: 0, failures: 1 }])), pausedUntil: 0, throttles: 0 };
    const o = rig({ maxPerRound: 100 }, manyOverdue, new FakeClock(50 * MIN));
    const nexts = o.scheduler.watched.map((t) => o.scheduler.nextCheck(t)!);
    assert.ok(nexts.every((n) => n >= 50 * MIN && n <= 50 * MIN + 15 * MIN / 4), 'overdue checks spread over a quarter interval');
    assert.ok(new Set(nexts).size > 30);

    const shorter = rig({ intervalMs: 2000, jitter: 0 }, saved, new FakeClock(r.clock.now()));
    assert.strictEqual(shorter.scheduler.nextCheck(id(1)), r.clock.now() + 2000, 'a shorter interval (settings changed) brings the next check closer');

    for (const bad of [undefined, 'x', { version: 2, tenants: {} }, { version: 1, tenants: { a: { next: 'soon' } } }, { version: 1, tenants: null }]) {
      assert.deepStrictEqual(rig({}, bad).scheduler.watched, []);
    }
  });
});
