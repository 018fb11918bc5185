import * as assert from 'assert';
import { MemorySecretStore } from '../../src/core/auth/secretStore';
import { UserSignIn } from '../../src/core/auth/userSignIn';
import { customCloud } from '../../src/core/client/clouds';
import { PartnerCenterError } from '../../src/core/client/errors';
import { createDispatcher } from '../../src/core/client/network';
import { PartnerCenterClient } from '../../src/core/client/partnerCenterClient';
import { Qualification } from '../../src/core/model/qualification';
import { QualificationRequest, availability, describeRequest, landedRequest, requestBody, requestProblems, requestQuery, websiteProblem } from '../../src/core/requests/qualificationRequest';
import { parseValidationCodes } from '../../src/core/requests/validationCodes';
import { DEMO_TENANTS } from '../../src/core/simulator/customers';
import { FAST_BACKOFF, Rig, startRig } from './fixture';

const edu: QualificationRequest = { qualification: 'Education', educationSegment: 'K12', website: ' contoso.edu ' };
const soe: QualificationRequest = { qualification: 'StateOwnedEntity' };
const gcc: QualificationRequest = { qualification: 'GovernmentCommunityCloud', validationCode: 'c2b6b1f4-5a2c-4a53-9c55-2f7c1ad3f1a0' };
const CODES = parseValidationCodes(JSON.stringify([
  { partnerId: 'p', organizationName: 'City of Tailspin', validationId: 'c2b6b1f4-5a2c-4a53-9c55-2f7c1ad3f1a0', maxCreates: 5, remainingCreates: 4, eTag: 'W/"1"' },
  { partnerId: 'p', organizationName: 'Fourth Coffee County', validationId: 'used-up', maxCreates: 2, remainingCreates: 0 },
]));
const q = (name: string, status: Qualification['status']): Qualification => ({ name, status });

async function failure(p: Promise<unknown>): Promise<PartnerCenterError> {
  try { await p; } catch (e) { assert.ok(e instanceof PartnerCenterError, String(e)); return e; }
  assert.fail('expected the call to fail');
}

describe('Qualification requests: bodies and rules', () => {
  it('builds the documented body for each kind', () => {
    assert.deepStrictEqual(requestBody(edu), { qualification: 'Education', educationSegment: 'K12', website: 'contoso.edu' });
    assert.deepStrictEqual(requestBody({ ...edu, educationSegment: 'HigherEducation' } as QualificationRequest), { qualification: 'Education', educationSegment: 'HigherEducation', website: 'contoso.edu' });
    assert.deepStrictEqual(requestBody(soe), { qualification: 'StateOwnedEntity' });
    assert.deepStrictEqual(requestBody(gcc), { qualification: 'GovernmentCommunityCloud', validationCode: 'c2b6b1f4-5a2c-4a53-9c55-2f7c1ad3f1a0' });
    assert.strictEqual(requestQuery(gcc), '?code=c2b6b1f4-5a2c-4a53-9c55-2f7c1ad3f1a0');
    assert.strictEqual(requestQuery(edu), '');
    assert.strictEqual(describeRequest(edu), 'Education, segment K12, website contoso.edu');
  });

  it('tells from a fresh read whether a request whose answer was lost was created', () => {
    const denied: Qualification = { name: 'Education', status: 'Denied', createdAt: '2026-01-01T00:00:00Z' };
    assert.strictEqual(landedRequest([], [], 'Education'), undefined, 'nothing there: not received');
    assert.deepStrictEqual(landedRequest([], [q('Education', 'InReview')], 'education'), q('Education', 'InReview'));
    assert.strictEqual(landedRequest([denied], [denied], 'Education'), undefined, 'the same Denied entry as before: not received');
    assert.deepStrictEqual(landedRequest([denied], [{ ...denied, status: 'InReview' }], 'Education')?.status, 'InReview', 'asked again after Denied');
    assert.strictEqual(landedRequest([], [q('StateOwnedEntity', 'NotVetted')], 'Education'), undefined, 'another kind does not count');
  });

  it('explains held and excluded kinds; Denied may be asked again', () => {
    const a = availability([q('GovernmentCommunityCloud', 'Approved'), q('StateOwnedEntity', 'NotVetted')]);
    assert.deepStrictEqual(a.map((x) => x.available), [false, false, false]);
    assert.match(a[0]!.reason!, /exclude each other/);
    assert.match(a[1]!.reason!, /already holds StateOwnedEntity \(held\)/);
    assert.match(a[2]!.reason!, /already holds GovernmentCommunityCloud \(Approved\)/);
    assert.deepStrictEqual(availability([q('Education', 'Denied')]).map((x) => x.available), [true, true, true]);
    assert.deepStrictEqual(availability([q('Education', 'InReview')]).map((x) => x.available), [false, true, false]);
    assert.deepStrictEqual(availability([]).map((x) => x.available), [true, true, true]);
  });

  it('checks segment, website and the validation code before anything is sent', () => {
    assert.deepStrictEqual(requestProblems(edu, []), []);
    assert.deepStrictEqual(requestProblems(gcc, [], CODES), []);
    assert.deepStrictEqual(requestProblems(soe, [q('Education', 'Approved')]), []);
    assert.match(requestProblems({ ...edu, educationSegment: 'College' } as never, []).join(), /K12 or HigherEducation/);
    assert.match(requestProblems({ ...edu, website: '' }, []).join(), /Enter the school's website/);
    assert.match(requestProblems({ ...edu, website: 'not a site' }, []).join(), /not a host name/);
    assert.strictEqual(websiteProblem('https://www.contoso.edu/apply'), undefined);
    assert.match(requestProblems({ qualification: 'GovernmentCommunityCloud', validationCode: 'used-up' }, [], CODES).join(), /Fourth Coffee County has no creates left/);
    assert.match(requestProblems({ qualification: 'GovernmentCommunityCloud', validationCode: 'nope' }, [], CODES).join(), /not one of your partner account's/);
    assert.match(requestProblems(gcc, [q('Education', 'InReview')], CODES).join(), /exclude each other/);
    assert.match(requestProblems({ qualification: 'Nonprofit' } as never, []).join(), /cannot be requested/);
  });

  it('parses validation codes in either shape and key case, refusing one without an id', () => {
    assert.deepStrictEqual(CODES[0], { validationId: 'c2b6b1f4-5a2c-4a53-9c55-2f7c1ad3f1a0', organizationName: 'City of Tailspin', maxCreates: 5, remainingCreates: 4 });
    assert.deepStrictEqual(parseValidationCodes('{"items":[{"ValidationId":"x","RemainingCreates":"2"}]}'), [{ validationId: 'x', remainingCreates: 2 }]);
    assert.deepStrictEqual(parseValidationCodes('[]'), []);
    assert.throws(() => parseValidationCodes('[{"organizationName":"x"}]'), /no "validationId"/);
    assert.throws(() => parseValidationCodes('<html>'), /not JSON/);
  });
});

describe('Qualification requests against the simulator', () => {
  let rig: Rig;
  let client: PartnerCenterClient;
  const posts = (tenantId: string) => rig.sim.api.stats.log.filter((l) => l.tenantId === tenantId && l.method === 'POST');
  beforeEach(async () => {
    rig = await startRig();
    const user = new UserSignIn({ cloud: rig.cloud, tenantId: rig.sim.partnerTenantId, clientId: 'd0d0d0d0-0000-4000-8000-00000000000d', dispatcher: rig.dispatcher, secrets: new MemorySecretStore(), logger: rig.logger });
    await user.signInWithDeviceCode(() => undefined);
    client = new PartnerCenterClient({ cloud: rig.cloud, tokens: user, dispatcher: rig.dispatcher, logger: rig.logger, retry: { backoffMs: FAST_BACKOFF, onRetry: (r) => rig.retries.push(r) } });
  });
  afterEach(async () => { await rig.close(); });

  it('requests Education and reads it back In Review', async () => {
    const r = await client.requestQualification(DEMO_TENANTS.none, edu, { correlationId: 'cccccccc-0000-4000-8000-000000000003' });
    assert.strictEqual(r.qualification?.name, 'Education');
    assert.strictEqual(r.qualification?.status, 'InReview');
    assert.strictEqual(r.correlationId, 'cccccccc-0000-4000-8000-000000000003');
    assert.strictEqual(posts(DEMO_TENANTS.none)[0]?.requestId, r.requestId);
    assert.strictEqual((await client.getQualifications(DEMO_TENANTS.none)).qualifications[0]?.status, 'InReview');
  });

  it('requests StateOwnedEntity (held without vetting) and GCC with a code, using one create', async () => {
    const s = await client.requestQualification(DEMO_TENANTS.none, soe);
    assert.deepStrictEqual([s.qualification?.name, s.qualification?.status], ['StateOwnedEntity', 'NotVetted']);
    const before = (await client.getValidationCodes())[0]!.remainingCreates!;
    const g = await client.requestQualification(DEMO_TENANTS.none, gcc);
    assert.strictEqual(g.qualification?.status, 'InReview');
    assert.strictEqual((await client.getValidationCodes())[0]!.remainingCreates, before - 1);
  });

  it('shows the service\'s own text for 400 and 409', async () => {
    const bad = await failure(client.requestQualification(DEMO_TENANTS.none, { qualification: 'GovernmentCommunityCloud', validationCode: '5d0f3b8e-7a61-4c2e-9f0a-3e4b5c6d7e8f' }));
    assert.strictEqual(bad.kind, 'bad-request');
    assert.match(bad.message, /has no remaining creates/);
    const held = await failure(client.requestQualification(DEMO_TENANTS.approved, edu));
    assert.strictEqual(held.kind, 'bad-request');
    assert.strictEqual(held.status, 409);
    assert.match(held.message, /\(409\): The customer already has the Education qualification/);
    const segment = await failure(client.requestQualification(DEMO_TENANTS.none, { ...edu, educationSegment: 'College' } as never));
    assert.match(segment.message, /\(400\): educationSegment must be K12 or HigherEducation/);
    const site = await failure(client.requestQualification(DEMO_TENANTS.none, { ...edu, website: 'not a site' }));
    assert.match(site.message, /website must be the school's web address/);
    const unknownCode = await failure(client.requestQualification(DEMO_TENANTS.none, { qualification: 'GovernmentCommunityCloud', validationCode: 'made-up' }));
    assert.match(unknownCode.message, /Validation code "made-up" is not valid for this partner/);
    const nonprofit = await failure(client.requestQualification(DEMO_TENANTS.none, { qualification: 'Nonprofit' } as never));
    assert.match(nonprofit.message, /"Nonprofit" cannot be set/);
    const excl = await failure(client.requestQualification(DEMO_TENANTS.stateOwnedGcc, edu));
    assert.match(excl.message, /cannot be added to a customer with the GovernmentCommunityCloud/);
  });

  it('refuses app-only sign-in without a call, and the service refuses an app-only POST too', async () => {
    const before = rig.sim.api.stats.requests;
    const e = await failure(rig.client.requestQualification(DEMO_TENANTS.none, soe));
    assert.strictEqual(e.kind, 'app-only');
    assert.match(e.message, /app \+ user sign-in/);
    assert.strictEqual(rig.sim.api.stats.requests, before);
    const unlabelled = new PartnerCenterClient({ cloud: rig.cloud, tokens: { getToken: (r) => rig.auth.getToken(r) }, dispatcher: rig.dispatcher });
    const refused = await failure(unlabelled.requestQualification(DEMO_TENANTS.none, soe));
    assert.match(refused.message, /requires app\+user authentication/);
  });

  it('does not retry a POST answered 503, 408 or 429 without Retry-After, nor a reset after sending', async () => {
    for (const fault of [{ fault: 'server-error', status: 503 }, { fault: 'request-timeout' }, { fault: 'throttle', retryAfter: '' }, { fault: 'reset' }] as const) {
      rig.sim.setCustomerFault(DEMO_TENANTS.none, fault);
      const before = posts(DEMO_TENANTS.none).length;
      const started = rig.sim.api.stats.requests;
      await failure(client.requestQualification(DEMO_TENANTS.none, soe));
      // a reset ends the exchange before any answer is recorded: the retry count below is the judge
      assert.strictEqual(rig.sim.api.stats.requests - started, fault.fault === 'reset' ? 0 : 1, `${fault.fault}: one attempt`);
      assert.ok(posts(DEMO_TENANTS.none).length - before <= 1);
    }
    assert.deepStrictEqual(rig.retries, []);
  });

  it('retries a POST on 429 with Retry-After, with the same MS-RequestId', async () => {
    rig.sim.setCustomerFault(DEMO_TENANTS.none, { fault: 'throttle', retryAfter: '0.05', times: 1 });
    const r = await client.requestQualification(DEMO_TENANTS.none, soe);
    const calls = posts(DEMO_TENANTS.none);
    assert.deepStrictEqual(calls.map((c) => c.status), [429, 201]);
    assert.strictEqual(new Set(calls.map((c) => c.requestId)).size, 1);
    assert.strictEqual(calls[0]!.requestId, r.requestId);
    assert.deepStrictEqual(rig.retries, ['429']);
  });

  it('retries a POST whose connection was refused before sending', async () => {
    const retries: string[] = [];
    const dead = createDispatcher({});
    try {
      const c = new PartnerCenterClient({ cloud: customCloud('https://127.0.0.1:9', 'https://127.0.0.1:9'), tokens: { signInMode: 'user', getToken: async () => 'token' }, dispatcher: dead, retry: { backoffMs: FAST_BACKOFF, onRetry: (r) => retries.push(r) } });
      const e = await failure(c.requestQualification(DEMO_TENANTS.none, soe));
      assert.strictEqual(e.kind, 'network');
      assert.deepStrictEqual(retries, ['ECONNREFUSED', 'ECONNREFUSED', 'ECONNREFUSED']);
    } finally {
      await dead.close();
    }
  });
});
