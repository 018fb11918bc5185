// The saved state read back and kept bounded: answers ordered by when their request was sent, entries of the
// wrong shape dropped one by one (never thrown), service strings capped, unlisted tenants pruned.
import * as assert from 'assert';
import { parseQualifications } from '../../src/core/client/parseQualifications';
import { CustomerDirectoryBook } from '../../src/core/model/customerDirectory';
import { QualificationsResult, overallStatus } from '../../src/core/model/qualification';
import { TenantStatusBook, tenantState } from '../../src/core/model/tenantStatus';
import { VettingHistory } from '../../src/core/history/vettingHistory';

const A = '0b8a6f2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b';
const B = '1b8a6f2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b';
const C = '2b8a6f2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b';
const DAY = 24 * 60 * 60 * 1000;

const answer = (status: 'Approved' | 'InReview', sentAt: number, checkedAt: number): QualificationsResult =>
  ({ tenantId: A, qualifications: [{ name: 'Education', status }], checkedAt, sentAt } as QualificationsResult);

describe('saved state: order, shape and bounds', () => {
  it('an answer to an older request arriving later does not replace the newer one', () => {
    const book = new TenantStatusBook();
    // a read sent at 1000 is slow; the watcher's read sent at 2000 answers first (Approved)
    book.succeeded(answer('Approved', 2000, 2100));
    book.succeeded(answer('InReview', 1000, 2500));
    assert.strictEqual(book.get(A)?.lastGood?.qualifications[0]?.status, 'Approved');
    // a later request does replace it
    book.succeeded(answer('InReview', 3000, 3100));
    assert.strictEqual(book.get(A)?.lastGood?.qualifications[0]?.status, 'InReview');
  });

  it('drops a saved entry of the wrong shape, with its reason, and keeps the rest readable', () => {
    const saved = {
      [A]: { lastGood: { tenantId: A, qualifications: [null], checkedAt: 1 } },
      [B]: { lastGood: { tenantId: B, qualifications: [{ name: 'Education', status: 'Approved', reason: 42 }], checkedAt: 1 } },
      [C]: { lastGood: { tenantId: C, qualifications: [{ name: 'Nonprofit', status: 'Approved' }], checkedAt: 1 }, failure: { kind: 'network', message: 'down', at: 2 } },
      bad: 'text',
    };
    const dropped: string[] = [];
    const book = TenantStatusBook.fromJSON(saved, (id) => dropped.push(id));
    assert.deepStrictEqual(dropped.sort(), [A, B, 'bad'].sort());
    assert.strictEqual(book.get(A), undefined);
    assert.strictEqual(book.get(B), undefined);
    assert.strictEqual(tenantState(book.get(C)), 'Error');
    // what the tree and status bar compute never throws on what was kept
    for (const id of [A, B, C, 'bad']) {
      const s = book.get(id);
      tenantState(s);
      if (s?.lastGood) overallStatus(s.lastGood.qualifications);
    }
  });

  it('caps service strings where they are stored', () => {
    const book = new TenantStatusBook();
    const long = 'x'.repeat(1_000_000);
    book.succeeded({ tenantId: A, qualifications: [{ name: long, status: 'Unknown', rawStatus: long, reason: long }], checkedAt: 1 });
    book.failed(B, { kind: 'server', message: long, at: 1 });
    const q = book.get(A)!.lastGood!.qualifications[0]!;
    assert.ok(q.name.length <= 1000 && q.reason!.length <= 1000 && q.rawStatus!.length <= 1000, 'qualification text capped');
    assert.ok(book.get(B)!.failure!.message.length <= 1000, 'failure message capped');
    assert.ok(JSON.stringify(book).length < 10_000);
    const history = new VettingHistory();
    history.observe({ tenantId: A, qualifications: [{ name: 'Education', status: 'Approved' }], checkedAt: 1 });
    history.observe({ tenantId: A, qualifications: [{ name: 'Education', status: 'Denied', reason: long }], checkedAt: 2 });
    assert.ok(JSON.stringify(history).length < 10_000, 'history reason capped');
  });

  it('forgets tenants no longer listed after the grace period, never listed ones', () => {
    const book = new TenantStatusBook();
    const now = 100 * DAY;
    book.succeeded({ tenantId: A, qualifications: [], checkedAt: now - 60 * DAY });
    book.succeeded({ tenantId: B, qualifications: [], checkedAt: now - 1 * DAY });
    book.failed(C, { kind: 'network', message: 'down', at: now - 60 * DAY });
    assert.deepStrictEqual(book.prune([A.toUpperCase()], now, 30 * DAY).sort(), [C]);
    assert.ok(book.get(A) && book.get(B), 'a listed tenant and a recent unlisted one stay');
    // over the cap, the unlisted heard of longest ago go first
    assert.deepStrictEqual(book.prune([A], now, 30 * DAY, 1), [B]);
  });

  it('a saved directory entry with a non-string company name is dropped, the others kept', () => {
    const dropped: string[] = [];
    const book = CustomerDirectoryBook.fromJSON({
      customers: [{ tenantId: A, companyName: 42, at: 1 }, { tenantId: B, companyName: 'Fabrikam', at: 1 }, null],
      domains: { 'contoso.com': { kind: 'resolved', at: 1 }, 'fabrikam.com': { kind: 'resolved', tenantId: B, at: 1 } },
    }, (what) => dropped.push(what));
    assert.strictEqual(book.customer(A), undefined);
    assert.strictEqual(book.customer(B)?.companyName, 'Fabrikam');
    assert.strictEqual(book.domain('contoso.com'), undefined);
    assert.strictEqual(book.domain('fabrikam.com')?.kind, 'resolved');
    assert.strictEqual(dropped.length, 3);
  });

  it('the parser gives "Education" and "education" the same name: rows need their own keys', async () => {
    const q = parseQualifications(JSON.stringify([{ qualification: 'Education', vettingStatus: 'Approved' }, { qualification: 'education', vettingStatus: 'InReview' }]));
    assert.deepStrictEqual(q.map((x) => x.name), ['Education', 'Education']);
    const { qualificationKeys } = await import('../../src/core/model/qualification');
    const keys = qualificationKeys(q);
    assert.strictEqual(new Set(keys).size, 2);
  });
});
