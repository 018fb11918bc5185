import * as assert from 'assert';
import { CustomerDirectoryBook } from '../../src/core/model/customerDirectory';
import { DebouncedSearch } from '../../src/core/search/debouncedSearch';

const A = '0b8a6f2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b';
const B = '1b8a6f2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b';

describe('customer directory book', () => {
  it('resolves a domain only on an exact match; none and several say so; a failure keeps an earlier resolution', () => {
    const book = new CustomerDirectoryBook();
    assert.strictEqual(book.resolved('contoso.com', [{ tenantId: A, domain: 'contoso.com.au' }]).kind, 'none');
    assert.deepStrictEqual(book.resolved('contoso.com', [{ tenantId: A, domain: 'contoso.com', companyName: 'Contoso' }, { tenantId: B, domain: 'contoso.com.au' }]), { kind: 'resolved', tenantId: A, at: book.domain('contoso.com')!.at });
    assert.strictEqual(book.customer(A)?.companyName, 'Contoso');
    book.failedDomain('contoso.com', 'boom');
    assert.strictEqual(book.domain('contoso.com')?.kind, 'resolved');
    assert.deepStrictEqual(book.resolved('twin.example', [{ tenantId: A, domain: 'twin.example' }, { tenantId: B, domain: 'twin.example' }]).kind, 'several');
  });

  it('a later record without the domain or name keeps what an earlier one said', () => {
    const book = new CustomerDirectoryBook();
    book.learn([{ tenantId: A, companyName: 'Contoso', domain: 'contoso.com' }]);
    book.learn([{ tenantId: A, companyName: 'Contoso Ltd', relationship: 'reseller' }]);
    assert.deepStrictEqual({ ...book.customer(A), at: 0 }, { tenantId: A, companyName: 'Contoso Ltd', domain: 'contoso.com', relationship: 'reseller', at: 0 });
  });

  it('round-trips through JSON; an unknown tenant is remembered without erasing a known name', () => {
    const book = new CustomerDirectoryBook();
    book.learn([{ tenantId: A, companyName: 'Contoso', relationship: 'reseller' }]);
    book.unknown(A, '403');
    book.unknown(B, 'No reseller relationship');
    const back = CustomerDirectoryBook.fromJSON(JSON.parse(JSON.stringify(book.toJSON())));
    assert.strictEqual(back.customer(A)?.companyName, 'Contoso');
    assert.strictEqual(back.customer(B)?.failed, 'No reseller relationship');
    assert.strictEqual(CustomerDirectoryBook.fromJSON('garbage').customer(A), undefined);
  });
});

describe('debounced search', () => {
  it('searches once when typing pauses, only for the last query, and aborts an older search', async () => {
    const asked: string[] = [];
    const aborted: string[] = [];
    const results: string[] = [];
    const busy: boolean[] = [];
    const s = new DebouncedSearch<string>({
      delayMs: 40,
      accepts: (q) => q.length >= 2,
      search: (q, signal) => new Promise((resolve) => {
        asked.push(q);
        signal.addEventListener('abort', () => aborted.push(q));
        setTimeout(() => resolve(`found ${q}`), 60);
      }),
      onBusy: (b) => busy.push(b),
      onResults: (_q, r) => results.push(r),
      onError: () => assert.fail('no error'),
    });
    s.set('c');
    s.set('co');
    s.set('con');
    await new Promise((r) => setTimeout(r, 60)); // the search for "con" started, not finished
    s.set('cont');
    await new Promise((r) => setTimeout(r, 150));
    assert.deepStrictEqual(asked, ['con', 'cont']);
    assert.deepStrictEqual(aborted, ['con']);
    assert.deepStrictEqual(results, ['found cont']);
    assert.strictEqual(busy.at(-1), false);
    s.dispose();
  });
});
