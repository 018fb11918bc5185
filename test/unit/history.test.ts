import * as assert from 'assert';
import { ENGLISH, NamedChange, summarize } from '../../src/core/history/changeSummary';
import { VettingHistory } from '../../src/core/history/vettingHistory';
import { Qualification, QualificationsResult } from '../../src/core/model/qualification';

const T1 = '00000000-0000-4000-8000-000000000001';
const T2 = '00000000-0000-4000-8000-000000000002';

const answer = (tenantId: string, at: number, ...qualifications: Qualification[]): QualificationsResult => ({ tenantId, qualifications, checkedAt: at });
const edu = (status: Qualification['status'], reason?: string): Qualification => ({ name: 'Education', status, reason, createdAt: '2026-11-27T08:12:00Z' });

describe('vetting history', () => {
  it('takes the first answer as the baseline, not a change', () => {
    const h = new VettingHistory();
    assert.deepStrictEqual(h.observe(answer(T1, 1000, edu('InReview'))), []);
    assert.ok(h.has(T1));
    assert.strictEqual(h.since(T1), 1000);
    assert.deepStrictEqual(h.changes(T1), []);
  });

  it('records a status change with qualification, from, to, reason, vetting date and when seen', () => {
    const h = new VettingHistory();
    h.observe(answer(T1, 1000, edu('Approved')));
    assert.deepStrictEqual(h.observe(answer(T1, 2000, edu('Approved'))), [], 'same status: no change');
    const [c] = h.observe(answer(T1, 3000, edu('Denied', 'Not an Academic Domain')));
    assert.deepStrictEqual(c, { tenantId: T1, qualification: 'Education', from: 'Approved', to: 'Denied', reason: 'Not an Academic Domain', vettingDate: '2026-11-27T08:12:00Z', seenAt: 3000 });
    assert.deepStrictEqual(h.changes(T1), [c]);
    assert.strictEqual(h.lastChange(T1, 'education')?.to, 'Denied');
  });

  it('sees a qualification added and one removed; tenants are independent; case of the id does not matter', () => {
    const h = new VettingHistory();
    h.observe(answer(T1, 1, edu('Approved')));
    h.observe(answer(T2, 1));
    const changes = h.observe(answer(T1.toUpperCase(), 2, { name: 'Nonprofit', status: 'InReview' }));
    assert.deepStrictEqual(changes.map((c) => `${c.qualification}:${c.from}->${c.to}`), ['Nonprofit:Absent->InReview', 'Education:Approved->Absent']);
    assert.deepStrictEqual(h.changes(T2), []);
  });

  it('keeps only the last `limit` changes per tenant, dropping the oldest', () => {
    const h = new VettingHistory(20);
    h.observe(answer(T1, 0, edu('InReview')));
    for (let i = 1; i <= 25; i++) h.observe(answer(T1, i, edu(i % 2 ? 'Approved' : 'InReview')));
    const list = h.changes(T1);
    assert.strictEqual(list.length, 20);
    assert.strictEqual(list[0]!.seenAt, 6, 'the 5 oldest went');
    assert.strictEqual(list[19]!.seenAt, 25);
  });

  it('is not told about failures: an answer after a failure compares with the last good one', () => {
    // the VS Code layer only passes successful answers: a failed fetch leaves the history alone
    const h = new VettingHistory();
    h.observe(answer(T1, 1, edu('InReview')));
    // (a failed fetch in between: nothing observed)
    const after = h.observe(answer(T1, 3, edu('InReview')));
    assert.deepStrictEqual(after, []);
    assert.deepStrictEqual(h.changes(T1), []);
  });

  it('round-trips through JSON (a string, as workspace state stores it) and goes on comparing', () => {
    const h = new VettingHistory();
    h.observe(answer(T1, 1, edu('InReview')));
    h.observe(answer(T1, 2, edu('Approved')));
    const back = VettingHistory.fromJSON(JSON.parse(JSON.stringify(h)));
    assert.deepStrictEqual(back.toJSON(), h.toJSON());
    assert.deepStrictEqual(back.observe(answer(T1, 3, edu('Approved'))), [], 'the baseline survived');
    assert.strictEqual(back.observe(answer(T1, 4, edu('Denied', 'No longer an Education Customer')))[0]?.from, 'Approved');
    assert.strictEqual(back.changes(T1).length, 2);
  });

  it('loads a corrupted, partial or old-format state without throwing, keeping what is readable', () => {
    for (const bad of [undefined, null, 42, 'x', [], {}, { version: 0, tenants: {} }, { version: 1 }, { version: 1, tenants: [] }, { version: 99, tenants: { [T1]: {} } }]) {
      const h = VettingHistory.fromJSON(bad);
      assert.strictEqual(h.has(T1), false);
      assert.deepStrictEqual(h.observe(answer(T1, 1, edu('Approved'))), [], 'a fresh baseline');
    }
    const good = new VettingHistory();
    good.observe(answer(T1, 1, edu('InReview')));
    good.observe(answer(T1, 2, edu('Approved')));
    const saved = JSON.parse(JSON.stringify(good));
    saved.tenants[T2] = { since: 'yesterday', seen: {}, changes: 3 };
    saved.tenants['bad-seen'] = { since: 1, seen: [{ name: 'Education', status: 'Maybe' }], changes: [] };
    saved.tenants[T1].changes.push({ tenantId: T1, qualification: 'Education', from: 'Approved', to: 'Sideways', seenAt: 3 }, null, 'junk');
    const h = VettingHistory.fromJSON(saved);
    assert.strictEqual(h.has(T2), false);
    assert.strictEqual(h.has('bad-seen'), false);
    assert.deepStrictEqual(h.changes(T1).map((c) => c.to), ['Approved'], 'bad changes dropped, good kept');
  });
});

describe('change summary', () => {
  const change = (customer: string, from: string, to: string, reason?: string): NamedChange => ({
    customer, change: { tenantId: T1, qualification: 'Education', from: from as never, to: to as never, reason, seenAt: 1 },
  });

  it('puts Denied after Approved first and makes it a warning', () => {
    const s = summarize([change('Fabrikam School District', 'InReview', 'Approved'), change('Northwind Traders', 'Approved', 'Denied', 'Not an Academic Domain')])!;
    assert.strictEqual(s.text, '2 changes: Northwind Traders Education Approved → Denied (Not an Academic Domain); Fabrikam School District Education In Review → Approved');
    assert.strictEqual(s.severity, 'warning');
  });

  it('a verdict on In Review informs; order: denials, verdicts, the rest', () => {
    const s = summarize([change('C', 'Absent', 'InReview'), change('B', 'InReview', 'Approved'), change('A', 'InReview', 'Denied', 'Not eligible')])!;
    assert.deepStrictEqual(s.changes.map((c) => c.customer), ['A', 'B', 'C']);
    assert.strictEqual(s.severity, 'information');
    assert.strictEqual(summarize([change('B', 'InReview', 'Approved')])!.text, '1 change: B Education In Review → Approved');
  });

  it('nothing changed: no summary; wording is replaceable (translations)', () => {
    assert.strictEqual(summarize([]), undefined);
    const s = summarize([change('B', 'InReview', 'Approved')], { status: (x) => x.toUpperCase(), message: (n, items) => `[${n}] ${items}` })!;
    assert.strictEqual(s.text, '[1] B Education INREVIEW → APPROVED');
    assert.strictEqual(ENGLISH.status('Absent'), 'not listed');
  });
});
