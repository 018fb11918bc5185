import * as assert from 'assert';
import { PartnerCenterError } from '../../src/core/client/errors';
import { nextLinkPath, parseCustomerPage } from '../../src/core/client/parseCustomers';
import { Customer, CustomerPage } from '../../src/core/model/customer';
import { DEMO_TENANTS, bulkCustomers, demoCustomers } from '../../src/core/simulator/customers';
import { RateGate } from '../../src/core/batch/rateGate';
import { Rig, failure, startRig } from './fixture';


/** Reads the whole listing, keeping the pages read before an error. */
async function readAll(pages: AsyncIterable<CustomerPage>): Promise<{ pages: CustomerPage[]; customers: Customer[]; error?: PartnerCenterError }> {
  const seen: CustomerPage[] = [];
  try {
    for await (const p of pages) seen.push(p);
    return { pages: seen, customers: seen.flatMap((p) => p.customers) };
  } catch (e) {
    return { pages: seen, customers: seen.flatMap((p) => p.customers), error: e as PartnerCenterError };
  }
}

describe('Customer directory against the simulator', () => {
  let rig: Rig;
  const gate = new RateGate({ limit: 60_000 });
  let gateCalls = 0;
  const acquire = gate.acquire.bind(gate);
  gate.acquire = (signal?: AbortSignal) => { gateCalls++; return acquire(signal); };
  beforeEach(async () => { gateCalls = 0; rig = await startRig({ sim: { customers: [...demoCustomers(), ...bulkCustomers(1187)] }, gate }); });
  afterEach(async () => { await rig.close(); });

  it('lists 1,200 customers over 3 pages, following both next-link forms with the continuation token, each page through the rate gate', async () => {
    const { pages, customers, error } = await readAll(rig.client.listCustomers());
    assert.strictEqual(error, undefined);
    assert.deepStrictEqual(pages.map((p) => p.customers.length), [500, 500, 200]);
    assert.strictEqual(new Set(customers.map((c) => c.tenantId)).size, 1200);
    assert.strictEqual(pages[0]!.totalCount, 1200);
    assert.deepStrictEqual(customers[0], { tenantId: DEMO_TENANTS.approved, companyName: 'Contoso University', domain: 'contoso.edu', relationship: 'reseller' });
    const list = rig.sim.api.stats.directory.filter((d) => d.route === 'list');
    assert.deepStrictEqual(list.map((d) => d.status), [200, 200, 200]);
    assert.strictEqual(gateCalls, 3, 'every page passed the gate');
  });

  it('builds next-link paths with and without a leading /v1 (never /v1/v1)', () => {
    assert.strictEqual(nextLinkPath('', '/customers?size=500&seekOperation=Next'), '/v1/customers?size=500&seekOperation=Next');
    assert.strictEqual(nextLinkPath('', '/v1/customers?size=500&seekOperation=Next'), '/v1/customers?size=500&seekOperation=Next');
    assert.strictEqual(nextLinkPath('/pc', 'customers?x=1'), '/pc/v1/customers?x=1');
    assert.strictEqual(nextLinkPath('/pc', 'https://api.example/pc/v1/customers?x=1'), '/pc/v1/customers?x=1');
  });

  it('follows a next link with its continuation token only: the body cannot choose other request headers', () => {
    const body = JSON.stringify({ items: [], links: { next: { uri: '/customers?seekOperation=Next', headers: [
      { key: 'Authorization', value: 'Bearer planted' }, { key: 'Host', value: 'evil.example' }, { key: 'MS-ContinuationToken', value: 'abc' },
    ] } } });
    assert.deepStrictEqual(parseCustomerPage(body).next?.headers, { 'MS-ContinuationToken': 'abc' });
  });

  it('stops a listing mid-way when cancelled and keeps what was read', async () => {
    rig.sim.setLatency(150);
    const ac = new AbortController();
    const seen: CustomerPage[] = [];
    const e = await failure((async () => {
      for await (const p of rig.client.listCustomers({}, { signal: ac.signal })) {
        seen.push(p);
        ac.abort();
      }
    })());
    assert.strictEqual(e.kind, 'cancelled');
    assert.strictEqual(seen.length, 1);
    assert.ok(rig.sim.api.stats.directory.filter((d) => d.route === 'list').length <= 2, 'no page after the cancel');
  });

  it('searches by company name prefix, case-insensitive', async () => {
    const found = await rig.client.searchCustomers('CompanyName', 'cont');
    assert.deepStrictEqual(found.map((c) => c.companyName), ['Contoso University']);
    const many = await rig.client.searchCustomers('CompanyName', 'customer 11', 20);
    assert.strictEqual(many.length, 20);
    assert.ok(many.every((c) => c.companyName!.toLowerCase().startsWith('customer 11')));
    const [filter] = rig.sim.api.stats.directory.map((d) => d.filter);
    assert.deepStrictEqual(JSON.parse(filter!), { Field: 'CompanyName', Value: 'cont', Operator: 'starts_with' });
  });

  it('searches by domain prefix', async () => {
    const found = await rig.client.searchCustomers('Domain', 'FABRIKAM');
    assert.deepStrictEqual(found.map((c) => [c.tenantId, c.domain]), [[DEMO_TENANTS.inReview, 'fabrikam-k12.org']]);
    assert.deepStrictEqual(await rig.client.searchCustomers('Domain', 'nobody.example'), []);
  });

  it('pages a search that matches more than a page', async () => {
    const { pages } = await readAll(rig.client.listCustomers({ search: { field: 'CompanyName', prefix: 'Customer 1' }, pageSize: 100 }));
    assert.ok(pages.length >= 3, `${pages.length} pages`);
    assert.ok(pages.flatMap((p) => p.customers).every((c) => c.companyName!.startsWith('Customer 1')));
  });

  it('gets one customer by id', async () => {
    const c = await rig.client.getCustomer(DEMO_TENANTS.stateOwnedGcc.toUpperCase());
    assert.deepStrictEqual(c, { tenantId: DEMO_TENANTS.stateOwnedGcc, companyName: 'City of Tailspin', domain: 'tailspin.gov', relationship: 'reseller' });
    assert.strictEqual((await failure(rig.client.getCustomer('contoso.com'))).kind, 'invalid-tenant');
  });

  const byId: [string, () => void, string, RegExp][] = [
    ['403 no relationship', () => rig.sim.setCustomerFault(DEMO_TENANTS.approved, { fault: 'no-relationship' }), 'no-relationship', /No reseller relationship/],
    ['404 unknown tenant', () => rig.sim.setCustomerFault(DEMO_TENANTS.approved, { fault: 'tenant-not-found' }), 'not-found', /does not know customer/],
    ['503 on every attempt', () => rig.sim.setGlobalFault({ fault: 'server-error', status: 503 }), 'server', /server error \(503\)/],
  ];
  for (const [what, set, kind, message] of byId) {
    it(`maps ${what} of get-by-id to ${kind}`, async () => {
      set();
      const e = await failure(rig.client.getCustomer(DEMO_TENANTS.approved));
      assert.strictEqual(e.kind, kind);
      assert.match(e.message, message);
      assert.match(e.requestId ?? '', /^[0-9a-f-]{36}$/);
    });
  }

  it('waits out a 429 on a page and goes on', async () => {
    rig.sim.setListFault({ fault: 'throttle', retryAfter: '1', skip: 1, times: 1 });
    const { customers, error } = await readAll(rig.client.listCustomers());
    assert.strictEqual(error, undefined);
    assert.strictEqual(customers.length, 1200);
    assert.deepStrictEqual(rig.throttles, [1000]);
    assert.deepStrictEqual(rig.sim.api.stats.directory.map((d) => d.status), [200, 429, 200, 200]);
  });

  it('ends with a server error after the retries, keeping the pages read before', async () => {
    rig.sim.setListFault({ fault: 'server-error', status: 502, skip: 2 });
    const { customers, error } = await readAll(rig.client.listCustomers());
    assert.strictEqual(customers.length, 1000);
    assert.strictEqual(error?.kind, 'server');
    assert.match(error!.message, /after 1000 customers were read/);
  });

  it('refuses a page without items as malformed, keeping what was read', async () => {
    rig.sim.setListFault({ fault: 'page-without-items', skip: 1, times: 1 });
    const { customers, error } = await readAll(rig.client.listCustomers());
    assert.strictEqual(customers.length, 500);
    assert.strictEqual(error?.kind, 'malformed-response');
    assert.match(error!.message, /no "items" list.*after 500 customers/);
  });

  it('refuses a next link without its continuation token, keeping that page', async () => {
    rig.sim.setListFault({ fault: 'next-without-token', skip: 1, times: 1 });
    const { customers, error } = await readAll(rig.client.listCustomers());
    assert.strictEqual(customers.length, 1000, 'the page with the bad link still counts');
    assert.strictEqual(error?.kind, 'malformed-response');
    assert.match(error!.message, /next link without its MS-ContinuationToken/);
  });

  it('answers 403 for a listing without the role', async () => {
    rig.sim.setListFault({ fault: 'forbidden-role' });
    const { error } = await readAll(rig.client.listCustomers());
    assert.strictEqual(error?.kind, 'forbidden-role');
  });
});

describe('Simulator: a synthetic customer directory', () => {
  it('serves 10,000 distinct customers in 20 pages with a per-page service time', async () => {
    const rig = await startRig({ sim: { customers: [], directorySize: 10_000 } });
    try {
      const { pages, customers, error } = await readAll(rig.client.listCustomers());
      assert.strictEqual(error, undefined);
      assert.strictEqual(pages.length, 20);
      assert.strictEqual(new Set(customers.map((c) => c.tenantId)).size, 10_000);
      assert.strictEqual(new Set(customers.map((c) => c.domain)).size, 10_000);
      assert.strictEqual(new Set(customers.map((c) => c.companyName)).size, 10_000);
      assert.ok(rig.sim.api.stats.directory.every((d) => d.serviceMs >= 0));
      const lucerne = await rig.client.searchCustomers('CompanyName', 'lucerne college 1');
      assert.ok(lucerne.length > 0 && lucerne.every((c) => /^Lucerne College 1/.test(c.companyName!)));
    } finally {
      await rig.close();
    }
  });
});
