import * as assert from 'assert';
import { BatchRunner } from '../../src/core/batch/batchRunner';
import { RateGate } from '../../src/core/batch/rateGate';
import { QualificationsResult } from '../../src/core/model/qualification';
import { FakeClock, settle } from './fakeClock';
import { busiestWindow } from '../support/busiestWindow';

/** Starts n acquires and records the fake time at which each one is let through. */
function start(gate: RateGate, clock: FakeClock, n: number, signal?: AbortSignal): { times: number[]; done: Promise<unknown> } {
  const times: number[] = [];
  const done = Promise.allSettled(Array.from({ length: n }, () => gate.acquire(signal).then(() => { times.push(clock.now()); })));
  return { times, done };
}


describe('RateGate (request budget, fake clock)', () => {
  it('lets a batch below the budget out at once and a larger one follow the window', async () => {
    const clock = new FakeClock();
    const gate = new RateGate({ limit: 5, windowMs: 1000, marginMs: 0, clock });
    const a = start(gate, clock, 3);
    await settle();
    assert.deepStrictEqual(a.times, [0, 0, 0], 'below the budget: no waiting');
    await clock.advance(400);
    const b = start(gate, clock, 9);
    await settle();
    assert.deepStrictEqual(b.times, [400, 400], 'two left in this window');
    await clock.advance(599);
    assert.strictEqual(b.times.length, 2, 'nothing before the first sends leave the window');
    await clock.advance(1);
    assert.deepStrictEqual(b.times, [400, 400, 1000, 1000, 1000], 'the three sends of t=0 aged out');
    await clock.advance(2000);
    await b.done;
    assert.deepStrictEqual(b.times, [400, 400, 1000, 1000, 1000, 1400, 1400, 2000, 2000]);
    assert.strictEqual(busiestWindow([...a.times, ...b.times], 1000), 5);
    assert.strictEqual(gate.pacing, false);
  });

  it('keeps the margin on top of the window', async () => {
    const clock = new FakeClock();
    const gate = new RateGate({ limit: 2, windowMs: 1000, marginMs: 50, clock });
    const r = start(gate, clock, 3);
    await clock.advance(1049);
    assert.strictEqual(r.times.length, 2);
    await clock.advance(1);
    assert.deepStrictEqual(r.times, [0, 0, 1050]);
  });

  it('is one budget for every caller and every batch: a second refresh gets no fresh budget', async () => {
    const clock = new FakeClock();
    const gate = new RateGate({ limit: 6, windowMs: 1000, marginMs: 0, clock });
    const sent: { id: string; at: number }[] = [];
    const source = {
      async getQualifications(tenantId: string, call: { signal?: AbortSignal }): Promise<QualificationsResult> {
        await gate.acquire(call.signal);
        sent.push({ id: tenantId, at: clock.now() });
        return { tenantId, qualifications: [], checkedAt: clock.now() };
      },
    };
    const runner = new BatchRunner(source);
    const first = await runner.run(['a1', 'a2', 'a3', 'a4'], { concurrency: 8 });
    assert.strictEqual(first.outcomes.length, 4);
    // another caller (a look-up) and a second refresh, right after the first one
    const lookUp = gate.acquire().then(() => sent.push({ id: 'lookup', at: clock.now() }));
    const second = runner.run(['b1', 'b2', 'b3', 'b4'], { concurrency: 8 });
    await settle();
    assert.strictEqual(sent.length, 6, 'only the rest of the budget went out');
    await clock.advance(1000);
    await Promise.all([lookUp, second]);
    assert.deepStrictEqual(sent.filter((s) => s.at === 1000).length, 3);
    assert.strictEqual(busiestWindow(sent.map((s) => s.at), 1000), 6);
  });

  it('a changed limit updates L within the same window, never grants a fresh budget', async () => {
    const clock = new FakeClock();
    const gate = new RateGate({ limit: 5, windowMs: 1000, marginMs: 0, clock });
    const a = start(gate, clock, 5);
    await settle();
    gate.setLimit(8);
    const b = start(gate, clock, 4);
    await settle();
    assert.strictEqual(b.times.length, 3, 'three more fit under the raised limit');
    gate.setLimit(3);
    await clock.advance(999);
    assert.strictEqual(b.times.length, 3);
    await clock.advance(1);
    await Promise.all([a.done, b.done]);
    assert.deepStrictEqual(b.times, [0, 0, 0, 1000]);
    assert.strictEqual(gate.limit, 3);
    assert.throws(() => gate.setLimit(0), RangeError);
  });

  it('honours Retry-After for every caller, then paces at half the rate and recovers slowly', async () => {
    const clock = new FakeClock();
    // 60 per minute: the budget's average is one a second
    const gate = new RateGate({ limit: 60, windowMs: 60_000, marginMs: 0, clock });
    await start(gate, clock, 8).done;
    for (let i = 0; i < 8; i++) gate.throttled(3000); // eight requests answered 429 together
    assert.strictEqual(gate.throttledCount, 8);
    assert.strictEqual(gate.requestsPerMinute, 30, 'halved once for the episode, not eight times');
    assert.strictEqual(gate.inWindow(), 8, 'the retries are counted when they pass the gate, not before');
    const r = start(gate, clock, 30);
    await clock.advance(2999);
    assert.strictEqual(r.times.length, 0, 'closed for everyone until Retry-After passed');
    await clock.advance(120_000);
    await r.done;
    // the retries and new requests take the paced slots from 3 s on (2 s apart first), gaps shrinking towards 1 s
    assert.strictEqual(r.times[0], 3000, 'the first goes when Retry-After passed');
    const gaps = r.times.slice(1).map((t, i) => t - r.times[i]!);
    assert.ok(gaps[0]! > 1800 && gaps[0]! < 2000, `first gap ${gaps[0]}`);
    for (let i = 1; i < gaps.length; i++) assert.ok(gaps[i]! <= gaps[i - 1]!, `gaps shrink: ${gaps.join(', ')}`);
    assert.ok(gaps.at(-1)! >= 1000 && gaps.at(-1)! < 1100, `recovered to about the full pace: ${gaps.at(-1)}`);
    assert.strictEqual(busiestWindow([...r.times], 60_000) <= 60, true);
  });

  it('a second 429 after the gate reopened halves the pace again; a quiet window ends the pacing', async () => {
    const clock = new FakeClock();
    const gate = new RateGate({ limit: 10, windowMs: 10_000, marginMs: 0, clock });
    gate.throttled(1000);
    assert.strictEqual(gate.requestsPerMinute, 30);
    await clock.advance(1000);
    gate.throttled(1000);
    assert.strictEqual(gate.requestsPerMinute, 15);
    const r = start(gate, clock, 40);
    await clock.advance(200_000);
    await r.done;
    assert.strictEqual(gate.pacing, false, 'back to the plain window after a whole window at full pace without 429');
    // idle for a window: the whole budget is there again, at once
    await clock.advance(10_000);
    const burst = start(gate, clock, 10);
    await settle();
    assert.deepStrictEqual(burst.times, new Array(10).fill(clock.now()));
  });

  it('rejects waiting acquires promptly when cancelled, and later callers still get their slot', async () => {
    const clock = new FakeClock();
    const gate = new RateGate({ limit: 1, windowMs: 1000, marginMs: 0, clock });
    await gate.acquire();
    const ac = new AbortController();
    const waiting = Array.from({ length: 1000 }, () => gate.acquire(ac.signal));
    ac.abort();
    const results = await Promise.allSettled(waiting);
    assert.ok(results.every((x) => x.status === 'rejected' && /Cancelled/.test(String(x.reason))));
    const later = start(gate, clock, 1);
    await clock.advance(1000);
    await later.done;
    assert.deepStrictEqual(later.times, [1000]);
  });
});
