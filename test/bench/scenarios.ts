// Benchmark scenarios that run in plain Node against the simulator: refresh throughput when latency-bound,
// under a real rate limit, and against a faulty service.
import { BatchRunner } from '../../src/core/batch/batchRunner';
import { RateGate } from '../../src/core/batch/rateGate';
import { customCloud } from '../../src/core/client/clouds';
import { createDispatcher } from '../../src/core/client/network';
import { PartnerCenterClient } from '../../src/core/client/partnerCenterClient';
import { AppSignIn } from '../../src/core/auth/appSignIn';
import { MemorySecretStore } from '../../src/core/auth/secretStore';
import { bulkCustomers } from '../../src/core/simulator/customers';
import { Simulator, SimulatorOptions, startSimulator } from '../../src/core/simulator/simulator';
import { randomBytes } from 'crypto';

export interface Line {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** e.g. "<= 1.15"; undefined for informational lines */
  readonly target?: string;
  readonly ok?: boolean;
}

interface Rig {
  sim: Simulator;
  run(opts: { concurrency: number; requestsPerMinute?: number }): Promise<{ ms: number; ok: number; failed: number; retries: number; throttled: number; gate?: RateGate }>;
  close(): Promise<void>;
}

async function rig(customers: number, sim: SimulatorOptions): Promise<Rig> {
  const clientId = 'c0c0c0c0-0000-4000-8000-00000000000c';
  const secret = randomBytes(16).toString('hex');
  const list = bulkCustomers(customers);
  const simulator = await startSimulator({ ...sim, customers: list, confidentialApps: [{ clientId, secret }] });
  const cloud = customCloud(simulator.apiBaseUrl, simulator.authorityHost);
  const closers: (() => Promise<void>)[] = [];
  return {
    sim: simulator,
    async run({ concurrency, requestsPerMinute }) {
      let retries = 0;
      let throttled = 0;
      const gate = requestsPerMinute ? new RateGate({ limit: requestsPerMinute }) : undefined;
      const dispatcher = createDispatcher({ ca: [simulator.caCert] }, { onRetry: () => retries++, onThrottled: (ms) => { throttled++; gate?.throttled(ms); } });
      closers.push(() => dispatcher.close());
      const tokens = new AppSignIn({ cloud, tenantId: simulator.partnerTenantId, clientId, dispatcher, secrets: new MemorySecretStore() }, { kind: 'secret', secret });
      await tokens.getToken({}); // sign-in is not part of the refresh
      const client = new PartnerCenterClient({ cloud, tokens, dispatcher, gate });
      const t0 = performance.now();
      const summary = await new BatchRunner(client).run(list.map((c) => c.tenantId), { concurrency });
      const ms = performance.now() - t0;
      const failed = summary.outcomes.filter((o) => !o.ok).length;
      return { ms, ok: summary.outcomes.length - failed, failed: failed + summary.cancelled.length, retries, throttled, gate };
    },
    async close() {
      for (const c of closers) await c();
      await simulator.close();
    },
  };
}

export async function latencyBound(n: number, latencyMs: number, concurrency: number, sequentialN: number): Promise<Line[]> {
  const r = await rig(n, { latencyMs });
  try {
    const par = await r.run({ concurrency });
    const ideal = (n * latencyMs) / concurrency;
    const seqRig = await rig(sequentialN, { latencyMs });
    let seq;
    try { seq = await seqRig.run({ concurrency: 1 }); } finally { await seqRig.close(); }
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

export interface RateTrace { readonly at: number[]; readonly status: number[]; readonly limitPerMinute: number; readonly start: number }

export async function rateLimited(n: number, limitPerMinute: number, concurrency: number): Promise<{ lines: Line[]; trace: RateTrace }> {
  const r = await rig(n, { rateLimitPerMinute: limitPerMinute });
  try {
    const start = Date.now();
    const res = await r.run({ concurrency, requestsPerMinute: limitPerMinute });
    const floor = (n / limitPerMinute) * 60_000;
    const log = r.sim.api.stats.log;
    const share429 = log.filter((l) => l.status === 429).length / log.length;
    return {
      lines: [
        { name: `2. rate-limited refresh, ${n} tenants, service limit ${limitPerMinute}/min: wall`, value: res.ms / 1000, unit: 's' },
        { name: '2. ratio to the floor N / limit', value: res.ms / floor, unit: 'x', target: '<= 1.10', ok: res.ms / floor <= 1.1 },
        { name: '2. share of requests answered 429', value: share429 * 100, unit: '%', target: '<= 2', ok: share429 <= 0.02 },
        { name: '2. tenants lost', value: res.failed, unit: '', target: '= 0', ok: res.failed === 0 },
      ],
      trace: { at: log.map((l) => l.at), status: log.map((l) => l.status), limitPerMinute, start },
    };
  } finally {
    await r.close();
  }
}

export async function faulty(n: number, concurrency: number): Promise<Line[]> {
  const r = await rig(n, {});
  try {
    r.sim.setGlobalFault([{ fault: 'server-error', status: 503, probability: 0.05 }, { fault: 'reset', probability: 0.01 }]);
    const res = await r.run({ concurrency });
    return [
      { name: `3. faulty service, ${n} tenants, 5% 503 + 1% resets: wall`, value: res.ms / 1000, unit: 's' },
      { name: '3. tenants that succeeded', value: res.ok, unit: `of ${n}`, target: `= ${n}`, ok: res.ok === n },
      { name: '3. retries used', value: res.retries, unit: '' },
    ];
  } finally {
    await r.close();
  }
}
