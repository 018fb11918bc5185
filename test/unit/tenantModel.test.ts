import * as assert from 'assert';
import { MAX_ENTRIES, MAX_NAME_LENGTH, parseCustomerEntries } from '../../src/core/model/customerEntries';
import { locateEntry } from '../../src/core/settings/locateEntry';
import { TenantStatusBook, tenantState } from '../../src/core/model/tenantStatus';

const A = '0b8a6f2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b';
const B = '1b8a6f2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b';

describe('customers setting', () => {
  it('reads ids and {tenantId, name} entries, normalized, keeping entry indexes', () => {
    const r = parseCustomerEntries([` {${A.toUpperCase()}} `, { tenantId: B, name: '  Fabrikam ' }]);
    assert.deepStrictEqual(r.tenants, [{ tenantId: A, index: 0 }, { tenantId: B, name: 'Fabrikam', index: 1 }]);
    assert.deepStrictEqual(r.problems, []);
  });
  it('turns every bad entry into a problem that names it, and keeps the good ones', () => {
    const r = parseCustomerEntries([A, 'x', A, null, { tenantId: 7 }, { tenantId: B, name: 3 }, [A]]);
    assert.deepStrictEqual(r.tenants.map((t) => t.tenantId), [A]);
    assert.deepStrictEqual(r.problems.map((p) => p.message), [
      'entry 2: "x" is not a tenant id (GUID) or a domain',
      `entry 3: duplicate of entry 1 (${A})`,
      'entry 4: null is not a tenant id, a domain or {"tenantId", "name"}',
      'entry 5: 7 is not a tenant id (GUID) or a domain',
      'entry 6: "name" must be text',
      `entry 7: ["${A}"] is not a tenant id, a domain or {"tenantId", "name"}`,
    ]);
    // the index stays the array index (from 0) for locating the entry in the file
    assert.deepStrictEqual(r.problems.map((p) => p.index), [1, 2, 3, 4, 5, 6]);
    assert.deepStrictEqual(parseCustomerEntries('x').problems, [{ index: -1, message: 'partnerCenter.customers must be a list of tenant ids or domains' }]);
    assert.deepStrictEqual(parseCustomerEntries(undefined), { tenants: [], problems: [], domains: [] });
  });
  it('reads domain entries, bare or {domain, name}, and flags bad and repeated ones (counted from 1)', () => {
    const r = parseCustomerEntries(['Contoso.OnMicrosoft.com ', { domain: 'fabrikam.com', name: 'Fabrikam' }, A, 'contoso.onmicrosoft.com', { domain: 'not a domain' }, {}]);
    assert.deepStrictEqual(r.domains, [{ domain: 'contoso.onmicrosoft.com', index: 0 }, { domain: 'fabrikam.com', name: 'Fabrikam', index: 1 }]);
    assert.deepStrictEqual(r.tenants, [{ tenantId: A, index: 2 }]);
    assert.deepStrictEqual(r.problems.map((p) => p.message), [
      'entry 4: duplicate of entry 1 (contoso.onmicrosoft.com)',
      'entry 5: "domain" "not a domain" is not a domain',
      'entry 6: missing "tenantId" or "domain"',
    ]);
  });
  it('cuts absurd input to size with a note: a million-character name, a megabyte id, too many entries', () => {
    const r = parseCustomerEntries([{ tenantId: A, name: 'N'.repeat(1_000_000) }, 'x'.repeat(1024 * 1024)]);
    assert.strictEqual(r.tenants.length, 1);
    assert.strictEqual(r.tenants[0]!.name!.length, MAX_NAME_LENGTH);
    assert.ok(r.tenants[0]!.name!.endsWith('…'));
    assert.deepStrictEqual(r.problems.map((p) => p.message), [
      `entry 1: "name" is 1,000,000 characters; shown cut to ${MAX_NAME_LENGTH}`,
      `entry 2: "${'x'.repeat(44)}... is not a tenant id (GUID) or a domain`,
    ]);
    const many = parseCustomerEntries(new Array(MAX_ENTRIES + 5).fill(A));
    assert.strictEqual(many.tenants.length, 1);
    assert.strictEqual(many.problems[0]!.message, `partnerCenter.customers has ${(MAX_ENTRIES + 5).toLocaleString('en-US')} entries: only the first ${MAX_ENTRIES.toLocaleString('en-US')} are shown and refreshed`);
    assert.strictEqual(many.problems.length, MAX_ENTRIES, 'the duplicates among the kept entries are each named');
  });
  it('merges a duplicate: a name given only on the later entry survives, and the duplicate is still flagged', () => {
    const r = parseCustomerEntries([A, B, { tenantId: A.toUpperCase(), name: 'Contoso' }, { tenantId: A, name: 'Other' }]);
    assert.deepStrictEqual(r.tenants, [{ tenantId: A, name: 'Contoso', index: 0 }, { tenantId: B, index: 1 }]);
    assert.deepStrictEqual(r.problems.map((p) => p.message), [`entry 3: duplicate of entry 1 (${A})`, `entry 4: duplicate of entry 1 (${A})`]);
  });
});

describe('tenant status book', () => {
  const good = { tenantId: A, qualifications: [{ name: 'Education', status: 'Approved' as const }], checkedAt: 1000 };
  it('keeps the last good result when a later fetch fails, and shows the failure', () => {
    const book = new TenantStatusBook();
    assert.strictEqual(tenantState(book.get(A)), 'Unchecked');
    book.succeeded(good);
    assert.strictEqual(tenantState(book.get(A)), 'Approved');
    book.failed(A, { kind: 'server', message: 'boom', at: 2000 });
    assert.strictEqual(tenantState(book.get(A)), 'Error');
    assert.deepStrictEqual(book.get(A)?.lastGood, good);
    book.succeeded({ ...good, checkedAt: 3000 });
    assert.strictEqual(book.get(A)?.failure, undefined);
  });
  it('round-trips through JSON, marked stale, skipping unreadable entries', () => {
    const book = new TenantStatusBook();
    book.succeeded(good);
    const restored = TenantStatusBook.fromJSON({ ...JSON.parse(JSON.stringify(book)), [B]: { lastGood: { qualifications: 'nope' } } });
    assert.strictEqual(restored.get(A)?.stale, true);
    assert.strictEqual(restored.get(B), undefined);
    assert.deepStrictEqual(restored.counts([A, B]), { Approved: 1, InReview: 0, Denied: 0, Unknown: 0, NotVetted: 0, None: 0, Error: 0, Unchecked: 1 });
    assert.strictEqual(TenantStatusBook.fromJSON('garbage').get(A), undefined);
    // a failure now keeps the last good answer (still from the last session) but is itself not stale
    restored.failed(A, { kind: 'network', message: 'down', at: 4000 });
    assert.deepStrictEqual([restored.get(A)?.stale, restored.get(A)?.lastGood?.checkedAt], [true, good.checkedAt]);
    const failedOnly = TenantStatusBook.fromJSON({ [B]: { failure: { kind: 'network', message: 'down', at: 1 } } });
    assert.strictEqual(failedOnly.get(B)?.stale, true);
    failedOnly.failed(B, { kind: 'network', message: 'down', at: 5000 });
    assert.strictEqual(failedOnly.get(B)?.stale, undefined);
  });
  it('marks every known answer as from before sign-out until the tenant is checked again', () => {
    const book = new TenantStatusBook();
    book.succeeded(good);
    book.failed(B, { kind: 'network', message: 'down', at: 1 });
    assert.deepStrictEqual(book.markSignedOut().sort(), [A, B].sort());
    assert.deepStrictEqual([book.get(A)?.signedOut, book.get(B)?.signedOut], [true, true]);
    assert.deepStrictEqual(book.get(A)?.lastGood, good, 'the answer itself stays');
    book.failed(A, { kind: 'auth-required', message: 'sign in', at: 5000 });
    assert.strictEqual(book.get(A)?.signedOut, true, 'a failure keeps the last good answer, still from before sign-out');
    book.succeeded({ ...good, checkedAt: 6000 });
    assert.strictEqual(book.get(A)?.signedOut, undefined);
    assert.deepStrictEqual(book.markSignedOut(), [A], 'already marked tenants are not reported again');
  });
});

describe('TokenMemo', () => {
  it('hands out a token until five minutes before it expires', async () => {
    const { TokenMemo } = await import('../../src/core/auth/tokenMemo');
    let now = 0;
    const memo = new TokenMemo(5 * 60_000, () => now);
    memo.set('t', new Date(10 * 60_000));
    assert.strictEqual(memo.get(), 't');
    now = 5 * 60_000 + 1;
    assert.strictEqual(memo.get(), undefined);
    memo.set('u', null);
    assert.strictEqual(memo.get(), undefined);
  });
});

describe('locating a setting entry in a settings file', () => {
  const at = (text: string, index: number) => { const r = locateEntry(text, 'partnerCenter.customers', index); return r && text.slice(r.start, r.end); };
  it('finds entry N of the list, past comments, strings with brackets and nested objects', () => {
    const file = `{
  // "partnerCenter.customers": ["commented out"],
  "other": { "partnerCenter.customersX": [1], "s": "[\\"x\\"]" },
  "partnerCenter.customers": [
    "${A}", /* first */
    { "tenantId": "${B}", "name": "Fabrikam, [Inc]" },
    "not-a-guid",
  ],
}`;
    assert.strictEqual(at(file, 0), `"${A}"`);
    assert.strictEqual(at(file, 1), `{ "tenantId": "${B}", "name": "Fabrikam, [Inc]" }`);
    assert.strictEqual(at(file, 2), '"not-a-guid"');
    assert.strictEqual(at(file, 3), undefined);
    assert.match(at(file, -1) ?? '', /^\[\n/);
  });
  it('finds the setting nested under "settings" of a .code-workspace file', () => {
    const ws = `{"folders":[{"path":"a"}],"settings":{"partnerCenter.customers":[42,"${A}"]}}`;
    assert.strictEqual(at(ws, 1), `"${A}"`);
    assert.strictEqual(at('{}', 0), undefined);
  });
});
