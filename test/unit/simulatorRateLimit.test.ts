import * as assert from 'assert';
import { Agent, request } from 'undici';
import { createLimiter } from '../../src/core/simulator/rateLimit';
import { DEMO_TENANTS } from '../../src/core/simulator/customers';
import { startRig } from './fixture';

/** Takes one request at each time and returns what the limiter said (undefined = let through). */
const run = (limiter: ReturnType<typeof createLimiter>, times: number[], partner = 'p') => times.map((t) => limiter.take(partner, t));

describe('simulator rate limiters', () => {
  it('sliding window: at most L in any window, Retry-After until the oldest leaves', () => {
    const l = createLimiter({ kind: 'sliding-window', limit: 3, windowMs: 10_000 });
    assert.deepStrictEqual(run(l, [0, 1000, 2000, 2500]), [undefined, undefined, undefined, 8]);
    assert.deepStrictEqual(run(l, [9999, 10_000, 10_500, 11_000]), [1, undefined, 1, undefined]);
    assert.strictEqual(l.take('other partner', 11_000), undefined, 'each partner has its own window');
  });

  it('fixed window: counters reset on the window boundary (a burst across it passes 2L)', () => {
    const l = createLimiter({ kind: 'fixed-window', limit: 3, windowMs: 10_000 });
    assert.deepStrictEqual(run(l, [7000, 8000, 9000, 9500]), [undefined, undefined, undefined, 1]);
    assert.deepStrictEqual(run(l, [10_000, 10_001, 10_002, 10_003]), [undefined, undefined, undefined, 10]);
  });

  it('token bucket: the capacity at once, then the refill rate', () => {
    const l = createLimiter({ kind: 'token-bucket', capacity: 3, refillPerMinute: 60 }); // one a second
    assert.deepStrictEqual(run(l, [0, 0, 0, 0]), [undefined, undefined, undefined, 1]);
    assert.deepStrictEqual(run(l, [500, 1000, 1100, 2000]), [1, undefined, 1, undefined]);
    assert.deepStrictEqual(run(l, [100_000, 100_000, 100_000, 100_000]), [undefined, undefined, undefined, 1], 'refills only to the capacity');
  });

  for (const [name, spec] of [
    ['sliding window', { kind: 'sliding-window', limit: 2, windowMs: 60_000 }],
    ['fixed window', { kind: 'fixed-window', limit: 2, windowMs: 86_400_000 }], // a day: the test never straddles a boundary,
    ['token bucket', { kind: 'token-bucket', capacity: 2, refillPerMinute: 1 }],
  ] as const) {
    it(`startSimulator({ rateLimiter: ${name} }) answers 429 with Retry-After over HTTP`, async () => {
      const rig = await startRig({ sim: { rateLimiter: spec } });
      const plain = new Agent({ connect: { ca: rig.sim.caCert } }); // no retry interceptor: see each answer
      try {
        const token = await rig.auth.getToken({});
        const statuses: number[] = [];
        let retryAfter: unknown;
        for (let i = 0; i < 3; i++) {
          const res = await request(`${rig.sim.apiBaseUrl}/v1/customers/${DEMO_TENANTS.approved}/qualifications`, { dispatcher: plain, headers: { authorization: `Bearer ${token}` } });
          statuses.push(res.statusCode);
          retryAfter = res.headers['retry-after'];
          await res.body.text();
        }
        assert.deepStrictEqual(statuses, [200, 200, 429]);
        assert.ok(Number(retryAfter) >= 1, `Retry-After ${String(retryAfter)}`);
      } finally {
        await plain.close();
        await rig.close();
      }
    });
  }
});
