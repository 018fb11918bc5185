import * as assert from 'assert';
import { DEMO_TENANTS } from '../../src/core/simulator/customers';
import { Rig, failure, startRig } from './fixture';


describe('PartnerCenterClient against the simulator', () => {
  let rig: Rig;
  beforeEach(async () => { rig = await startRig(); });
  afterEach(async () => { await rig.close(); });

  it('reads an approved Education qualification with its date and the response ids', async () => {
    const r = await rig.client.getQualifications(DEMO_TENANTS.approved, { correlationId: '11111111-2222-4333-8444-555555555555' });
    assert.deepStrictEqual(r.qualifications, [{ name: 'Education', status: 'Approved', rawStatus: 'Approved', createdAt: '2026-09-03T10:37:38.885Z' }]);
    assert.strictEqual(r.correlationId, '11111111-2222-4333-8444-555555555555');
    assert.match(r.requestId ?? '', /^[0-9a-f-]{36}$/);
  });

  it('reads Denied with its reason and the vettingCreatedDate spelling', async () => {
    const r = await rig.client.getQualifications(DEMO_TENANTS.denied);
    assert.deepStrictEqual(r.qualifications[0], { name: 'Education', status: 'Denied', rawStatus: 'Denied', reason: 'Not an Academic Domain', createdAt: '2026-10-14T16:20:05Z' });
  });

  it('reads StateOwnedEntity without status next to GCC', async () => {
    const r = await rig.client.getQualifications(DEMO_TENANTS.stateOwnedGcc);
    assert.deepStrictEqual(r.qualifications.map((q) => [q.name, q.status]), [['StateOwnedEntity', 'NotVetted'], ['GovernmentCommunityCloud', 'Approved']]);
  });

  it('treats [] and [{qualification: "None"}] as no qualification', async () => {
    assert.deepStrictEqual((await rig.client.getQualifications(DEMO_TENANTS.none)).qualifications, []);
    assert.deepStrictEqual((await rig.client.getQualifications(DEMO_TENANTS.noneEntry)).qualifications, []);
  });

  it('keeps an unknown status as text', async () => {
    const [q] = (await rig.client.getQualifications(DEMO_TENANTS.unknownStatus)).qualifications;
    assert.strictEqual(q?.status, 'Unknown');
    assert.strictEqual(q?.rawStatus, 'PendingDocuments');
  });

  it('reads the wrapped shape with PascalCase keys and lower-case values', async () => {
    const [q] = (await rig.client.getQualifications(DEMO_TENANTS.wrappedPascal)).qualifications;
    assert.deepStrictEqual(q, { name: 'Education', status: 'Approved', rawStatus: 'approved', createdAt: '2025-02-11T11:11:11Z' });
  });

  it('normalizes tenant ids and refuses ones that are not GUIDs without a call', async () => {
    const r = await rig.client.getQualifications(`  {${DEMO_TENANTS.approved.toUpperCase()}} `);
    assert.strictEqual(r.tenantId, DEMO_TENANTS.approved);
    const before = rig.sim.api.stats.requests;
    const e = await failure(rig.client.getQualifications('contoso.onmicrosoft.com'));
    assert.strictEqual(e.kind, 'invalid-tenant');
    assert.strictEqual(rig.sim.api.stats.requests, before);
  });

  it('sends the Partner Center headers and keeps MS-RequestId across retries of one request', async () => {
    const r = await rig.client.getQualifications(DEMO_TENANTS.flaky, { correlationId: 'aaaaaaaa-0000-4000-8000-000000000001' });
    const calls = rig.sim.api.stats.log.filter((l) => l.tenantId === DEMO_TENANTS.flaky);
    assert.deepStrictEqual(calls.map((c) => c.status), [503, 503, 200]);
    assert.strictEqual(new Set(calls.map((c) => c.requestId)).size, 1, 'same MS-RequestId on every retry');
    assert.strictEqual(calls[0]!.requestId, r.requestId);
    const next = await rig.client.getQualifications(DEMO_TENANTS.approved);
    assert.notStrictEqual(next.requestId, r.requestId, 'a new request gets a new id');
  });

  const cases: [string, Parameters<Rig['sim']['setCustomerFault']>[1], string, RegExp][] = [
    ['403 no relationship (20002)', { fault: 'no-relationship' }, 'no-relationship', /No reseller relationship/],
    ['403 missing role', { fault: 'forbidden-role' }, 'forbidden-role', /role/],
    ['404 tenant not found (60003)', { fault: 'tenant-not-found' }, 'not-found', /does not know customer/],
    ['the seed document\'s invalid JSON', { fault: 'malformed-json' }, 'malformed-response', /not JSON/],
    ['an HTML error page', { fault: 'html-error' }, 'server', /HTML page \("502 Bad Gateway"\)/],
    ['a bare JSON string error', { fault: 'bare-string-error' }, 'bad-request', /Customer tagging denied\./],
    ['a huge body', { fault: 'huge-body' }, 'malformed-response', /larger than 1024 KB/],
    ['401 MFA required (900421)', { fault: 'mfa-required' }, 'mfa-required', /multi-factor/],
    ['503 on every attempt', { fault: 'server-error', status: 503 }, 'server', /server error \(503\)/],
    ['408 on every attempt', { fault: 'request-timeout' }, 'timeout', /timed out \(408\)/],
  ];
  for (const [what, fault, kind, message] of cases) {
    it(`maps ${what} to ${kind} with support ids`, async () => {
      rig.sim.setCustomerFault(DEMO_TENANTS.approved, fault);
      const e = await failure(rig.client.getQualifications(DEMO_TENANTS.approved, { correlationId: 'bbbbbbbb-0000-4000-8000-000000000002' }));
      assert.strictEqual(e.kind, kind, e.message);
      assert.match(e.message, message);
      assert.strictEqual(e.correlationId, 'bbbbbbbb-0000-4000-8000-000000000002');
      assert.match(e.requestId ?? '', /^[0-9a-f-]{36}$/);
    });
  }

  it('never retries 400/401/403/404 and retries 5xx and 408 three times', async () => {
    for (const fault of [{ fault: 'no-relationship' }, { fault: 'tenant-not-found' }, { fault: 'bare-string-error' }] as const) {
      rig.sim.setCustomerFault(DEMO_TENANTS.approved, fault);
      const before = rig.sim.api.stats.requests;
      await failure(rig.client.getQualifications(DEMO_TENANTS.approved));
      assert.strictEqual(rig.sim.api.stats.requests - before, 1, `${fault.fault} is not retried`);
    }
    for (const fault of [{ fault: 'server-error', status: 502 }, { fault: 'request-timeout' }] as const) {
      rig.sim.setCustomerFault(DEMO_TENANTS.approved, fault);
      const before = rig.sim.api.stats.requests;
      await failure(rig.client.getQualifications(DEMO_TENANTS.approved));
      assert.strictEqual(rig.sim.api.stats.requests - before, 4, `${fault.fault}: 1 try + 3 retries`);
    }
  });

  it('retries a connection reset and succeeds', async () => {
    rig.sim.setCustomerFault(DEMO_TENANTS.approved, { fault: 'reset', times: 2 });
    const r = await rig.client.getQualifications(DEMO_TENANTS.approved);
    assert.strictEqual(r.qualifications[0]?.status, 'Approved');
    assert.ok(rig.retries.length >= 2, `retries: ${rig.retries.join(',')}`);
  });

  it('waits Retry-After on 429, then goes on', async () => {
    rig.sim.setCustomerFault(DEMO_TENANTS.approved, { fault: 'throttle', retryAfter: '1', times: 1 });
    const t0 = Date.now();
    const r = await rig.client.getQualifications(DEMO_TENANTS.approved);
    assert.ok(Date.now() - t0 >= 950, 'waited the second the service asked for');
    assert.strictEqual(r.qualifications.length, 1);
    assert.deepStrictEqual(rig.throttles, [1000]);
  });

  it('refreshes the token once on 401 expired and retries', async () => {
    await rig.client.getQualifications(DEMO_TENANTS.approved);
    const tokenCalls = rig.sim.identity.tokenRequests;
    rig.sim.expireTokens();
    const r = await rig.client.getQualifications(DEMO_TENANTS.approved);
    assert.strictEqual(r.qualifications.length, 1);
    assert.strictEqual(rig.sim.identity.tokenRequests, tokenCalls + 1, 'one new token');
    assert.deepStrictEqual(rig.sim.api.stats.log.slice(-2).map((l) => l.status), [401, 200]);
  });

  it('gives up after one refresh when the service keeps answering 401', async () => {
    rig.sim.setCustomerFault(DEMO_TENANTS.approved, { fault: 'expired-token' });
    const before = rig.sim.api.stats.requests;
    const e = await failure(rig.client.getQualifications(DEMO_TENANTS.approved));
    assert.strictEqual(e.kind, 'auth-required');
    assert.strictEqual(rig.sim.api.stats.requests - before, 2);
  });

  it('cancels a call through its AbortSignal', async () => {
    rig.sim.setCustomerFault(DEMO_TENANTS.approved, { fault: 'hang' });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const e = await failure(rig.client.getQualifications(DEMO_TENANTS.approved, { signal: ac.signal }));
    assert.strictEqual(e.kind, 'cancelled');
  });
});

describe('PartnerCenterClient timeouts', () => {
  it('ends a hanging call as a timeout after its retries', async () => {
    const rig = await startRig({ network: { headersTimeoutMs: 150 }, retry: { maxRetries: 1 } });
    try {
      rig.sim.setCustomerFault(DEMO_TENANTS.approved, { fault: 'hang' });
      const e = await failure(rig.client.getQualifications(DEMO_TENANTS.approved));
      assert.strictEqual(e.kind, 'timeout', e.message);
      assert.strictEqual(rig.sim.api.stats.log.filter((l) => l.tenantId === DEMO_TENANTS.approved).length, 0);
      assert.deepStrictEqual(rig.retries, ['UND_ERR_HEADERS_TIMEOUT']);
    } finally {
      await rig.close();
    }
  });
});
