import * as assert from 'assert';
import { BatchRunner, TenantOutcome } from '../../src/core/batch/batchRunner';
import { RateGate } from '../../src/core/batch/rateGate';
import { QualificationsResult } from '../../src/core/model/qualification';
import { PartnerCenterClient } from '../../src/core/client/partnerCenterClient';
import { DEMO_TENANTS, bulkCustomers, demoCustomers } from '../../src/core/simulator/customers';
import { startRig } from './fixture';

describe('BatchRunner against the simulator', () => {
  it('isolates failures per tenant, streams outcomes and uses one correlation id', async () => {
    const rig = await startRig();
    try {
      const seen: TenantOutcome[] = [];
      const ids = Object.values(DEMO_TENANTS);
      const summary = await new BatchRunner(rig.client).run(ids, { concurrency: 4, onOutcome: (o) => seen.push(o) });
      assert.strictEqual(summary.outcomes.length, ids.length);
      assert.strictEqual(seen.length, ids.length, 'every outcome streamed');
      const failed = Object.fromEntries(summary.outcomes.filter((o) => !o.ok).map((o) => [o.tenantId, !o.ok && o.error.kind]));
      assert.deepStrictEqual(failed, { [DEMO_TENANTS.noRelationship]: 'no-relationship', [DEMO_TENANTS.notFound]: 'not-found', [DEMO_TENANTS.malformed]: 'malformed-response' });
      const correlations = new Set(rig.sim.api.stats.log.map((l) => l.correlationId));
      assert.deepStrictEqual([...correlations], [summary.correlationId], 'the service saw one MS-CorrelationId');
      for (const o of summary.outcomes) if (o.ok) assert.strictEqual(o.result.correlationId, summary.correlationId);
    } finally {
      await rig.close();
    }
  });

  it('keeps concurrency within the bound', async () => {
    const customers = bulkCustomers(40);
    const rig = await startRig({ sim: { customers, latencyMs: 30 } });
    try {
      let inFlight = 0;
      let peak = 0;
      const source = {
        getQualifications: async (id: string, call: Parameters<PartnerCenterClient['getQualifications']>[1]) => {
          peak = Math.max(peak, ++inFlight);
          try { return await rig.client.getQualifications(id, call); } finally { inFlight--; }
        },
      };
      const summary = await new BatchRunner(source).run(customers.map((c) => c.tenantId), { concurrency: 5 });
      assert.strictEqual(summary.outcomes.filter((o) => o.ok).length, 40);
      assert.strictEqual(peak, 5);
    } finally {
      await rig.close();
    }
  });

  it('cancellation mid-batch keeps what finished and reports the rest as cancelled', async () => {
    const customers = bulkCustomers(30);
    const rig = await startRig({ sim: { customers, latencyMs: 40 } });
    try {
      const ac = new AbortController();
      let done = 0;
      const summary = await new BatchRunner(rig.client).run(customers.map((c) => c.tenantId), {
        concurrency: 2, signal: ac.signal, onOutcome: () => { if (++done === 6) ac.abort(); },
      });
      assert.strictEqual(summary.outcomes.length, 6);
      assert.ok(summary.outcomes.every((o) => o.ok));
      assert.strictEqual(summary.cancelled.length, 24);
    } finally {
      await rig.close();
    }
  });

  it('cancelling a batch of 100,000 accounts for every tenant exactly once', async () => {
    const ac = new AbortController();
    const ids = Array.from({ length: 100_000 }, (_, i) => `t${i}`);
    let started = 0;
    const source = {
      getQualifications: (tenantId: string, call: { signal?: AbortSignal }) => new Promise<QualificationsResult>((resolve, reject) => {
        if (++started === 44) ac.abort(); // 40 answered, then 8 workers wait: the 4th of them cancels
        if (started <= 40) return resolve({ tenantId, qualifications: [], checkedAt: 0 });
        const cancel = () => reject(Object.assign(new Error('Cancelled.'), { name: 'AbortError' }));
        if (call.signal?.aborted) return cancel();
        call.signal?.addEventListener('abort', cancel, { once: true });
      }),
    };
    const summary = await new BatchRunner(source).run([...ids, ...ids.slice(0, 10)], { concurrency: 8, signal: ac.signal });
    assert.strictEqual(summary.outcomes.length, 40);
    assert.strictEqual(summary.outcomes.length + summary.cancelled.length, 100_000);
    assert.strictEqual(new Set([...summary.outcomes.map((o) => o.tenantId), ...summary.cancelled]).size, 100_000);
    assert.strictEqual(started, 44, "no request started after the cancel");
  });

  it('merges duplicate in-flight requests for one tenant', async () => {
    const rig = await startRig({ sim: { latencyMs: 50 } });
    try {
      const runner = new BatchRunner(rig.client);
      const [a, b] = await Promise.all([runner.run([DEMO_TENANTS.approved, DEMO_TENANTS.denied]), runner.run([DEMO_TENANTS.approved])]);
      assert.ok(a.outcomes.every((o) => o.ok) && b.outcomes.every((o) => o.ok));
      assert.strictEqual(rig.sim.api.stats.log.filter((l) => l.tenantId === DEMO_TENANTS.approved).length, 1);
    } finally {
      await rig.close();
    }
  });

  it('spends a budget that matches the service window without a single 429', async () => {
    const customers = bulkCustomers(25);
    // the margin absorbs the event-loop jitter of a busy test run between our clock and the simulator's
    const gate = new RateGate({ limit: 20, windowMs: 1000, marginMs: 200 });
    const rig = await startRig({ sim: { customers, rateLimitPerMinute: 20, rateLimitWindowMs: 1000 }, gate });
    try {
      const t0 = Date.now();
      const summary = await new BatchRunner(rig.client).run(customers.map((c) => c.tenantId), { concurrency: 8 });
      assert.strictEqual(summary.outcomes.filter((o) => o.ok).length, 25);
      assert.strictEqual(rig.throttles.length, 0, 'the service never had to throttle');
      assert.ok(Date.now() - t0 >= 1000, 'the last five waited for the window');
    } finally {
      await rig.close();
    }
  }).timeout(30_000);

  it('falls back to pacing on 429 and loses no tenant when the service is stricter than the budget', async () => {
    const customers = bulkCustomers(25);
    const gate = new RateGate({ limit: 100, windowMs: 1000 });
    const rig = await startRig({ sim: { customers: [...customers, ...demoCustomers().slice(0, 1)], rateLimitPerMinute: 20, rateLimitWindowMs: 1000 }, gate });
    try {
      const summary = await new BatchRunner(rig.client).run(customers.map((c) => c.tenantId), { concurrency: 8 });
      // 20 per (shortened) window: the first 20 pass, the rest wait their Retry-After and then succeed
      assert.strictEqual(summary.outcomes.filter((o) => o.ok).length, 25);
      assert.ok(rig.throttles.length > 0, 'the service throttled');
      assert.ok(gate.pacing && gate.requestsPerMinute < 6000, `gate paces at ${gate.requestsPerMinute.toFixed(0)}/min`);
    } finally {
      await rig.close();
    }
  }).timeout(30_000);
});
