import * as assert from 'assert';
import { PartnerCenterError } from '../../src/core/client/errors';
import { parseQualifications } from '../../src/core/client/parseQualifications';
import { readErrorBody, errorFromResponse } from '../../src/core/client/responseError';
import { overallStatus } from '../../src/core/model/qualification';
import { normalizeTenantId } from '../../src/core/model/tenantId';
import { SEED_DOCUMENT_BODY } from '../../src/core/simulator/faults';

const malformed = (body: string, message: RegExp) =>
  assert.throws(() => parseQualifications(body), (e: PartnerCenterError) => e.kind === 'malformed-response' && message.test(e.message));

describe('parseQualifications', () => {
  it('accepts a bare array and the wrapper object', () => {
    const entry = { qualification: 'Education', vettingStatus: 'Approved' };
    assert.deepStrictEqual(parseQualifications(JSON.stringify([entry])), parseQualifications(JSON.stringify({ qualifications: [entry] })));
  });
  it('reads keys and values in any case and both date names', () => {
    const [a, b] = parseQualifications('[{"QUALIFICATION":"governmentcommunitycloud","VettingStatus":"INREVIEW","vettingCreatedDate":"2026-01-01T00:00:00Z"},{"qualification":"Nonprofit","vettingStatus":"denied","vettingReason":"r","VETTINGCREATEDATE":"2026-02-02T00:00:00Z"}]');
    assert.deepStrictEqual(a, { name: 'GovernmentCommunityCloud', status: 'InReview', rawStatus: 'INREVIEW', createdAt: '2026-01-01T00:00:00Z' });
    assert.deepStrictEqual(b, { name: 'Nonprofit', status: 'Denied', rawStatus: 'denied', reason: 'r', createdAt: '2026-02-02T00:00:00Z' });
  });
  it('keeps an unknown qualification name and status as text', () => {
    assert.deepStrictEqual(parseQualifications('[{"qualification":"Healthcare","vettingStatus":"Escalated"}]'), [{ name: 'Healthcare', status: 'Unknown', rawStatus: 'Escalated' }]);
  });
  it('refuses the seed document example, with the reason', () => malformed(SEED_DOCUMENT_BODY, /not JSON/));
  it('refuses bodies of the wrong shape, naming what was wrong', () => {
    malformed('', /empty body/);
    malformed('{"value": []}', /without a "qualifications" list/);
    malformed('"Education"', /string where a list/);
    malformed('null', /null where a list/);
    malformed('[42]', /entry 0 is not an object/);
    malformed('[{"vettingStatus":"Approved"}]', /entry 0 has no "qualification"/);
    malformed('[{"qualification":"Education","vettingStatus":7}]', /"vettingStatus" is number/);
    malformed('[{"qualification":"Education","vettingCreateDate":"yesterday"}]', /not a date/);
  });
});

describe('error bodies', () => {
  it('reads every documented error form', () => {
    assert.deepStrictEqual(readErrorBody('{"code":20002,"description":"No relationship between caller and account.","data":[],"source":"PartnerFD"}', 'application/json'), { code: '20002', description: 'No relationship between caller and account.' });
    assert.deepStrictEqual(readErrorBody('{"statusCode":429,"message":"Rate limit is exceeded. Try again in 57 seconds."}', undefined), { code: undefined, description: 'Rate limit is exceeded. Try again in 57 seconds.' });
    assert.deepStrictEqual(readErrorBody('"Customer tagging denied."', 'application/json'), { description: 'Customer tagging denied.' });
    assert.deepStrictEqual(readErrorBody('', undefined), {});
    assert.deepStrictEqual(readErrorBody('<html><head><title>Proxy Error</title></head></html>', 'text/html'), { description: 'an HTML page ("Proxy Error")' });
  });
  it('maps statuses and codes to kinds', () => {
    const kind = (status: number, body: string) => errorFromResponse(status, body, 'application/json', {}).kind;
    assert.strictEqual(kind(401, '{"code":900421,"description":"x"}'), 'mfa-required');
    assert.strictEqual(kind(401, '{"code":"10001","description":"Authentication failed. MFA required."}'), 'mfa-required');
    assert.strictEqual(kind(401, '{"code":800001,"description":"Partner token missing."}'), 'auth-required');
    assert.strictEqual(kind(403, '{"code":20002}'), 'no-relationship');
    assert.strictEqual(kind(403, '{"code":"Forbidden","description":"the supplied role does not have the rights"}'), 'forbidden-role');
    assert.strictEqual(kind(404, '{"code":60003}'), 'not-found');
    assert.strictEqual(kind(429, ''), 'throttled');
    assert.strictEqual(kind(503, ''), 'server');
    assert.strictEqual(kind(409, ''), 'bad-request');
  });
});

describe('model', () => {
  it('normalizes tenant ids', () => {
    assert.strictEqual(normalizeTenantId(' {0B8A6F2E-1C3D-4E5F-8A9B-0C1D2E3F4A5B} '), '0b8a6f2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b');
    assert.strictEqual(normalizeTenantId('contoso.onmicrosoft.com'), undefined);
    assert.strictEqual(normalizeTenantId(42), undefined);
  });
  it('ranks a tenant by its most significant status', () => {
    assert.strictEqual(overallStatus([]), 'None');
    assert.strictEqual(overallStatus([{ name: 'StateOwnedEntity', status: 'NotVetted' }, { name: 'Education', status: 'Denied' }]), 'Denied');
    assert.strictEqual(overallStatus([{ name: 'Education', status: 'Approved' }, { name: 'X', status: 'Unknown' }]), 'Unknown');
  });
});
