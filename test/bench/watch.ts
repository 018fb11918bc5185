// Benchmark scenarios of the changes feature: the watcher's request budget over a compressed clock, and the
// cost of keeping the vetting history during a refresh (with and without, side by side in one run).
import { randomBytes } from 'crypto';
import { AppSignIn } from '../../src/core/auth/appSignIn';
import { MemorySecretStore } from '../../src/core/auth/secretStore';
import { BatchRunner } from '../../src/core/batch/batchRunner';
import { RateGate } from '../../src/core/batch/rateGate';
import { customCloud } from '../../src/core/client/clouds';
import { createDispatcher } from '../../src/core/client/network';
import { PartnerCenterClient } from '../../src/core/client/partnerCenterClient';
import { VettingHistory } from '../../src/core/history/vettingHistory';
import { SimulatedCustomer, customerId } from '../../src/core/simulator/customers';
import { Simulator, startSimulator } from '../../src/core/simulator/simulator';
import { CheckResult, WatchClock, WatchScheduler } from '../../src/core/watch/watchScheduler';
import type { Line } from './scenarios';

const MINUTE = 60_000;

async function connect(customers: SimulatedCustomer[], latencyMs: number, requestsPerMinute: number) {
  const clientId = 'c0c0c0c0-0000-4000-8000-00000000000c';
  const secret = randomBytes(16).toString('hex');
  const sim: Simulator = await startSimulator({ customers, latencyMs, confidentialApps: [{ clientId, secret }] });
  const cloud = customCloud(sim.apiBaseUrl, sim.authorityHost);
  const gate = new RateGate({ limit: requestsPerMinute });
  const dispatcher = createDispatcher({ ca: [sim.caCert] }, { onThrottled: (ms) => gate.throttled(ms) });
  const tokens = new AppSignIn({ cloud, tenantId: sim.partnerTenantId, clientId, dispatcher, secrets: new MemorySecretStore() }, { kind: 'secret', secret });
  await tokens.getToken({});
  const runner = new BatchRunner(new PartnerCenterClient({ cloud, tokens, dispatcher, gate }));
  return { sim, runner, close: async () => { await dispatcher.close(); await sim.close(); } };
}

const inReview = (n: number): SimulatedCustomer[] => Array.from({ length: n }, (_, i) => ({
  tenantId: customerId(200_000 + i), name: `Watched ${i + 1}`,
  qualifications: [{ qualification: 'Education', vettingStatus: 'InReview', vettingCreateDate: '2026-11-01T00:00:00Z' }],
}));

/** Simulated time runs `factor` times faster than the wall clock. */
function compressedClock(factor: number): WatchClock & { start: number; toSim(realMs: number): number } {
  const realStart = Date.now();
  const start = realStart;
  return {
    start,
    toSim: (real) => start + (real - realStart) * factor,
    now: () => start + (Date.now() - realStart) * factor,
    setTimer(fn, ms) {
      const t = setTimeout(fn, Math.max(0, ms / factor));
      return () => clearTimeout(t);
    },
  };
}

/**
 * 7. n In Review tenants watched at `intervalMin` (every one last checked long ago, as after a week away), for
 * `intervals` intervals of simulated time. The budget is the watcher's share in the extension (a fifth of the
 * default 500/min); requests are counted per simulated minute at the simulator.
 */
export async function watchBudget(n: number, intervalMin: number, intervals: number, factor: number): Promise<Line[]> {
  const budget = 100; // WATCH_BUDGET_SHARE x 500/min (src/vscode/changes/settings.ts)
  // the shared gate at its 500/min ceiling, in simulated minutes
  const r = await connect(inReview(n), 0, 500 * factor);
  const clock = compressedClock(factor);
  try {
    const scheduler = new WatchScheduler({
      intervalMs: intervalMin * MINUTE, maxChecksPerMinute: budget, clock,
      check: async (ids, signal) => {
        const results = new Map<string, CheckResult>();
        await r.runner.run(ids, { concurrency: 2, signal, onOutcome: (o) => results.set(o.tenantId, o.ok ? 'ok' : 'failed') });
        return results;
      },
    });
    scheduler.watch(inReview(n).map((c) => c.tenantId), () => clock.now() - 7 * 24 * 60 * MINUTE);
    scheduler.start();
    await new Promise((res) => setTimeout(res, (intervals * intervalMin * MINUTE) / factor));
    scheduler.stop();
    await scheduler.idle();
    const log = r.sim.api.stats.log;
    const perMinute = new Map<number, number>();
    for (const l of log) {
      const m = Math.floor((clock.toSim(l.at) - clock.start) / MINUTE);
      perMinute.set(m, (perMinute.get(m) ?? 0) + 1);
    }
    const worst = Math.max(0, ...perMinute.values());
    const byTenant = new Map<string, number[]>();
    for (const l of log) byTenant.set(l.tenantId!, [...(byTenant.get(l.tenantId!) ?? []), clock.toSim(l.at)]);
    let minGap = Infinity;
    for (const at of byTenant.values()) for (let i = 1; i < at.length; i++) minGap = Math.min(minGap, at[i]! - at[i - 1]!);
    const checked = byTenant.size;
    return [
      { name: `7. watching ${n} In Review tenants every ${intervalMin} min, ${intervals * intervalMin} simulated min (${factor}x clock): requests`, value: log.length, unit: '' },
      { name: '7. busiest simulated minute, requests (budget 100/min = a fifth of 500/min)', value: worst, unit: '/min', target: `<= ${budget}`, ok: worst <= budget },
      { name: '7. tenants checked at least once', value: checked, unit: `of ${n}`, target: `= ${n}`, ok: checked === n },
      { name: '7. shortest gap between two checks of one tenant', value: Number.isFinite(minGap) ? minGap / MINUTE : intervals * intervalMin, unit: 'min', target: `>= ${intervalMin}`, ok: !Number.isFinite(minGap) || minGap >= intervalMin * MINUTE },
    ];
  } finally {
    await r.close();
  }
}

/**
 * 8. Refresh of n tenants (latency-bound like scenario 1) without, then with the vetting history fed by every
 * answer and saved as the extension does (serialised each second and at the end), in one run.
 */
export async function historyOverhead(n: number, latencyMs: number, concurrency: number): Promise<Line[]> {
  const customers = inReview(n);
  const r = await connect(customers, latencyMs, 600_000); // a gate that never binds: latency-bound, as scenario 1
  try {
    const ids = customers.map((c) => c.tenantId);
    const refresh = async (history?: VettingHistory) => {
      let saved = 0;
      let lastSave = performance.now();
      const t0 = performance.now();
      await r.runner.run(ids, {
        concurrency,
        onOutcome: (o) => {
          if (!history || !o.ok) return;
          history.observe(o.result);
          if (performance.now() - lastSave > 1000) { saved += JSON.stringify(history.toJSON()).length; lastSave = performance.now(); }
        },
      });
      if (history) saved += JSON.stringify(history.toJSON()).length;
      return { ms: performance.now() - t0, saved };
    };
    await refresh(); // warm-up: connections, token
    const history = new VettingHistory();
    for (const id of ids) history.observe({ tenantId: id, qualifications: [{ name: 'Education', status: 'Approved' }], checkedAt: 0 }); // baselines: every answer is a change
    const without = await refresh();
    const withHistory = await refresh(history);
    const ratio = withHistory.ms / without.ms;
    return [
      { name: `8. refresh of ${n} tenants x ${latencyMs} ms without history: wall`, value: without.ms / 1000, unit: 's' },
      { name: '8. the same with the vetting history (every answer a change, saved each second)', value: withHistory.ms / 1000, unit: 's' },
      { name: '8. ratio with / without history', value: ratio, unit: 'x', target: '<= 1.05', ok: ratio <= 1.05 },
    ];
  } finally {
    await r.close();
  }
}
