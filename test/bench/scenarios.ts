// Benchmark scenarios that run in plain Node against the simulator: refresh throughput when latency-bound,
// against a service rate limit (the request budget: under it, over it, a stricter token bucket, two refreshes
// in one window), and against a faulty service. Every ratio is against a floor computed for the same run.
import { BatchRunner } from '../../src/core/batch/batchRunner';
import { RateGate } from '../../src/core/batch/rateGate';
import { customCloud } from '../../src/core/client/clouds';
import { createDispatcher } from '../../src/core/client/network';
import { PartnerCenterClient } from '../../src/core/client/partnerCenterClient';
import { AppSignIn } from '../../src/core/auth/appSignIn';
import { MemorySecretStore } from '../../src/core/auth/secretStore';
import { bulkCustomers } from '../../src/core/simulator/customers';
import { Simulator, SimulatorOptions, startSimulator } from '../../src/core/simulator/simulator';
import { LimiterSpec } from '../../src/core/simulator/rateLimit';
import { randomBytes } from 'crypto';
import { RateTrace } from './chart';
import { busiestWindow } from '../support/busiestWindow';

export interface Line {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** e.g. "<= 1.15"; undefined for informational lines */
  readonly target?: string;
  readonly ok?: boolean;
}

interface RunResult { ms: number; ok: number; failed: number; retries: number; throttled: number }

interface Rig {
  sim: Simulator;
  tenantIds: string[];
  /** When each API request left the client (first attempts and retries). */
  sent: number[];
  /** One refresh through the rig's one client and (optional) request budget, shared by every run. */
  run(concurrency: number): Promise<RunResult>;
  close(): Promise<void>;
}

/** `budget`: the extension's request budget (L per window); without it the client sends as fast as it can. */
async function rig(customers: number, sim: SimulatorOptions, budget?: { limit: number; windowMs: number }): Promise<Rig> {
  const clientId = 'c0c0c0c0-0000-4000-8000-00000000000c';
  const secret = randomBytes(16).toString('hex');
  const list = bulkCustomers(customers);
  const simulator = await startSimulator({ ...sim, customers: list, confidentialApps: [{ clientId, secret }] });
  const cloud = customCloud(simulator.apiBaseUrl, simulator.authorityHost);
  const gate = budget ? new RateGate(budget) : undefined;
  let retries = 0;
  let throttled = 0;
  // API retries happen in the client, through the gate (which it tells about each 429); sign-in's in the dispatcher
  const retry = { onRetry: () => retries++, onThrottled: () => throttled++ };
  const sent: number[] = [];
  const dispatcher = createDispatcher({ ca: [simulator.caCert] }, retry).compose((dispatch) => (opts, handler) => {
    if (/\/qualifications$/.test(opts.path)) sent.push(Date.now()); // every API request that left, first attempt or retry
    return dispatch(opts, handler);
  });
  const tokens = new AppSignIn({ cloud, tenantId: simulator.partnerTenantId, clientId, dispatcher, secrets: new MemorySecretStore() }, { kind: 'secret', secret });
  await tokens.getToken({}); // sign-in is not part of the refresh
  const client = new PartnerCenterClient({ cloud, tokens, dispatcher, gate, retry });
  const runner = new BatchRunner(client);
  const tenantIds = list.map((c) => c.tenantId);
  return {
    sim: simulator,
    tenantIds,
    sent,
    async run(concurrency) {
      const [r0, t0c] = [retries, throttled];
      const t0 = performance.now();
      const summary = await runner.run(tenantIds, { concurrency });
      const ms = performance.now() - t0;
      const failed = summary.outcomes.filter((o) => !o.ok).length;
      return { ms, ok: summary.outcomes.length - failed, failed: failed + summary.cancelled.length, retries: retries - r0, throttled: throttled - t0c };
    },
    async close() {
      await dispatcher.close();
      await simulator.close();
    },
  };
}

/**
 * The earliest finish of n requests, `concurrency` at once, each taking `latencyMs`, when the service lets
 * request k (0-based) start no sooner than `service(k, starts)`: the floor a perfect client would reach.
 */
export function floorMs(n: number, latencyMs: number, concurrency: number, service: (k: number, starts: number[]) => number): number {
  const starts: number[] = [];
  for (let k = 0; k < n; k++) starts.push(Math.max(k < concurrency ? 0 : starts[k - concurrency]! + latencyMs, service(k, starts)));
  return n ? starts[n - 1]! + latencyMs : 0;
}

/** A sliding window of `limit` per `windowMs`: request k waits until request k - limit left the window. */
export const slidingWindowService = (limit: number, windowMs: number) => (k: number, starts: number[]) => (k < limit ? 0 : starts[k - limit]! + windowMs);
/** A token bucket: request k needs its token, `capacity` at once and then one per 1/refill. */
export const tokenBucketService = (capacity: number, refillPerMinute: number) => (k: number) => Math.max(0, (k + 1 - capacity) / (refillPerMinute / 60_000));


function traceOf(sim: Simulator, start: number, title: string, limits: RateTrace['limits'], windowMs: number): RateTrace {
  const log = sim.api.stats.log;
  return { at: log.map((l) => l.at), status: log.map((l) => l.status), start, title, limits, windowMs };
}

const share429 = (sim: Simulator) => {
  const log = sim.api.stats.log;
  return log.length ? log.filter((l) => l.status === 429).length / log.length : 0;
};

export async function latencyBound(n: number, latencyMs: number, concurrency: number, sequentialN: number): Promise<Line[]> {
  const r = await rig(n, { latencyMs });
  try {
    const par = await r.run(concurrency);
    const ideal = (n * latencyMs) / concurrency;
    const seqRig = await rig(sequentialN, { latencyMs });
    let seq;
    try { seq = await seqRig.run(1); } finally { await seqRig.close(); }
    const seqPerTenant = seq.ms / sequentialN;
    return [
      { name: `1. latency-bound refresh, ${n} tenants x ${latencyMs} ms, ${concurrency} at once: wall`, value: par.ms / 1000, unit: 's' },
      { name: '1. ratio to ideal N x latency / concurrency', value: par.ms / ideal, unit: 'x', target: '<= 1.15', ok: par.ms / ideal <= 1.15 },
      { name: `1. sequential (one at a time), per tenant over ${sequentialN}`, value: seqPerTenant, unit: 'ms' },
      { name: '1. speed-up over sequential', value: (seqPerTenant * n) / par.ms, unit: 'x' },
      { name: '1. tenants lost', value: par.failed, unit: '', target: '= 0', ok: par.failed === 0 },
    ];
  } finally {
    await r.close();
  }
}

export interface BudgetParams {
  readonly n: number;
  /** The service's sliding window and the extension's budget (the documented 500 per 60 s). */
  readonly limit: number;
  readonly windowMs: number;
  readonly latencyMs: number;
  readonly concurrency: number;
}

const perMinute = (p: BudgetParams) => (p.windowMs === 60_000 ? `${p.limit} per sliding minute` : `${p.limit} per sliding ${p.windowMs / 1000} s`);

/** 2a: a workspace below the budget goes out as fast as concurrency and latency allow. */
export async function underBudget(p: BudgetParams): Promise<Line[]> {
  const r = await rig(p.n, { latencyMs: p.latencyMs, rateLimiter: { kind: 'sliding-window', limit: p.limit, windowMs: p.windowMs } }, p);
  try {
    const res = await r.run(p.concurrency);
    const floor = (p.n * p.latencyMs) / p.concurrency;
    const throttled = r.sim.api.stats.byStatus[429] ?? 0;
    return [
      { name: `2a. ${p.n} tenants under the budget, service ${perMinute(p)}, ${p.latencyMs} ms, ${p.concurrency} at once: wall`, value: res.ms / 1000, unit: 's' },
      { name: '2a. ratio to N x latency / concurrency', value: res.ms / floor, unit: 'x', target: '<= 1.15', ok: res.ms / floor <= 1.15 },
      { name: '2a. requests answered 429', value: throttled, unit: '', target: '= 0', ok: throttled === 0 },
      { name: '2a. tenants lost', value: res.failed, unit: '', target: '= 0', ok: res.failed === 0 },
    ];
  } finally {
    await r.close();
  }
}

/**
 * A service limit the batch runs into, and how its lines read: 2b is the documented sliding window, 2c a
 * stricter token bucket. Both run the same steps (one refresh of N through the budget, against the floor
 * that limit itself sets).
 */
export interface LimitedService {
  /** "2b", "2c": the prefix of every line. */
  readonly id: string;
  /** The simulator's limiter. */
  readonly limiter: LimiterSpec;
  /** When the service lets request k start at the earliest (see floorMs). */
  readonly earliest: (k: number, starts: number[]) => number;
  /** The first line's description, before ": wall". */
  readonly wall: string;
  readonly floorName: string;
  readonly ratioName: string;
  readonly maxRatio: number;
  /** Largest share answered 429, in percent. */
  readonly max429Percent: number;
  readonly trace: Pick<RateTrace, 'title' | 'limits'>;
}

/** 2b: a workspace over the budget spends it fully, then follows the window. */
export const slidingWindowLimit = (p: BudgetParams): LimitedService => ({
  id: '2b',
  limiter: { kind: 'sliding-window', limit: p.limit, windowMs: p.windowMs },
  earliest: slidingWindowService(p.limit, p.windowMs),
  wall: `${p.n} tenants over the budget, service ${perMinute(p)}`,
  floorName: 'the window floor (the time the sliding window itself needs for N)',
  ratioName: 'ratio to the window floor',
  maxRatio: 1.1,
  max429Percent: 2,
  trace: { title: `2b. ${p.n} tenants, service: ${perMinute(p)}, budget the same`, limits: [{ label: `service limit: ${p.limit} in any ${p.windowMs / 1000} s`, perWindow: p.limit }] },
});

/** 2c: the service is stricter than documented (a token bucket): the 429 fall-back keeps 429s few and loses nothing. */
export const tokenBucketLimit = (p: BudgetParams, capacity: number, refillPerMinute: number): LimitedService => ({
  id: '2c',
  limiter: { kind: 'token-bucket', capacity, refillPerMinute },
  earliest: tokenBucketService(capacity, refillPerMinute),
  wall: `${p.n} tenants, service a token bucket of ${capacity} refilled at ${refillPerMinute}/min, budget ${perMinute(p)}`,
  floorName: 'that service\'s floor',
  ratioName: 'ratio to the service\'s floor',
  maxRatio: 1.2,
  max429Percent: 5,
  trace: { title: `2c. ${p.n} tenants, service: token bucket of ${capacity} refilled at ${refillPerMinute}/min`, limits: [{ label: `refill ${refillPerMinute}/min`, perSecond: refillPerMinute / 60 }] },
});

/** 2b and 2c: one refresh of N against a service limit, its wall time against that limit's floor. */
export async function limitedService(p: BudgetParams, service: LimitedService): Promise<{ lines: Line[]; trace: RateTrace }> {
  const r = await rig(p.n, { latencyMs: p.latencyMs, rateLimiter: service.limiter }, p);
  try {
    const start = Date.now();
    const res = await r.run(p.concurrency);
    const floor = floorMs(p.n, p.latencyMs, p.concurrency, service.earliest);
    const s429 = share429(r.sim);
    const id = service.id;
    return {
      lines: [
        { name: `${id}. ${service.wall}: wall`, value: res.ms / 1000, unit: 's' },
        { name: `${id}. ${service.floorName}`, value: floor / 1000, unit: 's' },
        { name: `${id}. ${service.ratioName}`, value: res.ms / floor, unit: 'x', target: `<= ${service.maxRatio.toFixed(2)}`, ok: res.ms / floor <= service.maxRatio },
        { name: `${id}. share of requests answered 429`, value: s429 * 100, unit: '%', target: `<= ${service.max429Percent}`, ok: s429 <= service.max429Percent / 100 },
        { name: `${id}. tenants lost`, value: res.failed, unit: '', target: '= 0', ok: res.failed === 0 },
      ],
      trace: traceOf(r.sim, start, service.trace.title, service.trace.limits, p.windowMs),
    };
  } finally {
    await r.close();
  }
}

/** 2d: a refresh right after another gets no second budget: the second waits for the window. */
export async function backToBack(p: BudgetParams): Promise<Line[]> {
  const r = await rig(p.n, { latencyMs: p.latencyMs, rateLimiter: { kind: 'sliding-window', limit: p.limit, windowMs: p.windowMs } }, p);
  try {
    const first = await r.run(p.concurrency);
    const second = await r.run(p.concurrency);
    const log = r.sim.api.stats.log;
    const busiest = busiestWindow(log.map((l) => l.at), p.windowMs);
    const s429 = share429(r.sim);
    return [
      { name: `2d. two refreshes of ${p.n} tenants back to back, service ${perMinute(p)}: first`, value: first.ms / 1000, unit: 's' },
      { name: '2d. second (waits for the window)', value: second.ms / 1000, unit: 's' },
      { name: `2d. most requests the service saw in any ${p.windowMs / 1000} s`, value: busiest, unit: '', target: `<= ${p.limit}`, ok: busiest <= p.limit },
      { name: '2d. share of requests answered 429', value: s429 * 100, unit: '%', target: '<= 2', ok: s429 <= 0.02 },
      { name: '2d. tenants lost', value: first.failed + second.failed, unit: '', target: '= 0', ok: first.failed + second.failed === 0 },
    ];
  } finally {
    await r.close();
  }
}

export async function faulty(n: number, concurrency: number): Promise<Line[]> {
  const r = await rig(n, {});
  try {
    r.sim.setGlobalFault([{ fault: 'server-error', status: 503, probability: 0.05 }, { fault: 'reset', probability: 0.01 }]);
    const res = await r.run(concurrency);
    return [
      { name: `3. faulty service, ${n} tenants, 5% 503 + 1% resets: wall`, value: res.ms / 1000, unit: 's' },
      { name: '3. tenants that succeeded', value: res.ok, unit: `of ${n}`, target: `= ${n}`, ok: res.ok === n },
      { name: '3. retries used', value: res.retries, unit: '' },
    ];
  } finally {
    await r.close();
  }
}

/** 3b: a faulty service (5% 503, 1% resets) under the budget: retries count, so no window holds more than L. */
export async function faultyUnderBudget(p: BudgetParams): Promise<Line[]> {
  const r = await rig(p.n, { latencyMs: p.latencyMs, rateLimiter: { kind: 'sliding-window', limit: p.limit, windowMs: p.windowMs } }, p);
  try {
    r.sim.setGlobalFault([{ fault: 'server-error', status: 503, probability: 0.05 }, { fault: 'reset', probability: 0.01 }]);
    const res = await r.run(p.concurrency);
    const busiest = busiestWindow(r.sent, p.windowMs);
    return [
      { name: `3b. faulty service under ${perMinute(p)}, ${p.n} tenants: wall`, value: res.ms / 1000, unit: 's' },
      { name: '3b. requests sent (first attempts and retries)', value: r.sent.length, unit: '' },
      { name: '3b. retries used', value: res.retries, unit: '' },
      { name: `3b. most requests sent in any ${p.windowMs / 1000} s`, value: busiest, unit: '', target: `<= ${p.limit}`, ok: busiest <= p.limit },
      { name: '3b. share of requests answered 429', value: share429(r.sim) * 100, unit: '%' },
      { name: '3b. tenants lost', value: res.failed, unit: '', target: '= 0', ok: res.failed === 0 },
    ];
  } finally {
    await r.close();
  }
}

