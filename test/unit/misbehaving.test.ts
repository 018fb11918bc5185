import * as assert from 'assert';
import { TokenMemo } from '../../src/core/auth/tokenMemo';
import { Serial } from '../../src/core/auth/serial';
import { BatchRunner } from '../../src/core/batch/batchRunner';
import { RateGate } from '../../src/core/batch/rateGate';
import { errorFromResponse } from '../../src/core/client/responseError';
import { Customer } from '../../src/core/model/customer';
import { QualificationsResult } from '../../src/core/model/qualification';
import { failure } from './fixture';
import { BadServer, clientFor, startBadServer, writeLarge } from './misbehavingServer';
import { busiestWindow } from '../support/busiestWindow';

const T = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

describe('Every request ends (a loopback server that misbehaves)', () => {
  let server: BadServer | undefined;
  const rigs: { dispatcher: { close(): Promise<void> } }[] = [];
  afterEach(async () => {
    for (const r of rigs.splice(0)) await r.dispatcher.close().catch(() => undefined);
    await server?.close();
    server = undefined;
  });
  const rig = (s: BadServer, o: Parameters<typeof clientFor>[1] = {}) => {
    const r = clientFor(s, o);
    rigs.push(r);
    return r;
  };

  it('cuts off a body that dribbles one byte at a time within the overall deadline', async () => {
    server = await startBadServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 50); // never idle long enough for bodyTimeout
      res.on('close', () => clearInterval(timer));
    });
    const { client, retries } = rig(server, { deadlineMs: 300, bodyTimeoutMs: 10_000 });
    const started = Date.now();
    const e = await failure(client.getQualifications(T(1)));
    assert.strictEqual(e.kind, 'timeout', e.message);
    assert.deepStrictEqual(retries, ['PCQ_DEADLINE', 'PCQ_DEADLINE', 'PCQ_DEADLINE'], 'a cut-off read is retried like a timeout');
    assert.strictEqual(server.arrivals.length, 4);
    assert.ok(Date.now() - started < 4000, `ended after ${Date.now() - started} ms`);
  }).timeout(10_000);

  it('starts the deadline when an attempt leaves, not while it waits for the budget', async () => {
    server = await startBadServer((_req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('[]'); });
    const gate = new RateGate({ limit: 1, windowMs: 600, marginMs: 0 });
    const { client, retries } = rig(server, { gate, deadlineMs: 300 });
    await client.getQualifications(T(8));
    const waited = await client.getQualifications(T(9)); // waits ~600 ms at the gate, then answers at once
    assert.deepStrictEqual(waited.qualifications, []);
    assert.deepStrictEqual(retries, []);
  });

  it('drains at most a capped slice of a 20 MB 503 body and still reports 503', async () => {
    server = await startBadServer((_req, res, s) => {
      res.writeHead(503, { 'content-type': 'text/plain' });
      void writeLarge(res, s, 20 * 1024 * 1024, 'u');
    });
    const { client } = rig(server);
    const e = await failure(client.getQualifications(T(2)));
    assert.strictEqual(e.kind, 'server', e.message);
    assert.strictEqual(e.status, 503);
    assert.match(e.message, /server error \(503\)/);
    assert.strictEqual(server.arrivals.length, 4, 'first attempt and three retries');
    // what the server could push before the client hung up: socket buffers, never the 80 MB of four bodies
    assert.ok(server.written < 20 * 1024 * 1024, `${(server.written / 1048576).toFixed(1)} MB written`);
  }).timeout(20_000);

  it('counts every retry in the budget: 10 tenants answered 503 never put more than 10 in a window', async () => {
    server = await startBadServer((_req, res) => { res.writeHead(503, { 'content-type': 'application/json' }); res.end('{"code":"503","description":"Service unavailable."}'); });
    // a one-second window stands in for the minute; the margin absorbs the loopback's jitter
    const gate = new RateGate({ limit: 10, windowMs: 1000, marginMs: 100 });
    const { client } = rig(server, { gate });
    const summary = await new BatchRunner(client).run(Array.from({ length: 10 }, (_, i) => T(100 + i)), { concurrency: 10 });
    assert.strictEqual(summary.outcomes.filter((o) => !o.ok && o.error.status === 503).length, 10, 'every tenant ends with its 503');
    assert.strictEqual(server.arrivals.length, 40, 'first attempts and retries all went out');
    const busiest = busiestWindow(server.arrivals.map((a) => a.at), 1000);
    assert.ok(busiest <= 10, `at most 10 in any window, got ${busiest}`);
  }).timeout(20_000);

  it('paces retries after a 429 through the gate: the Retry-After closes it for everyone', async () => {
    let n = 0;
    server = await startBadServer((_req, res) => {
      if (n++ === 0) { res.writeHead(429, { 'retry-after': '0.4' }); res.end(); return; }
      res.writeHead(200, { 'content-type': 'application/json' }); res.end('[]');
    });
    const gate = new RateGate({ limit: 100, windowMs: 1000, marginMs: 0 });
    const { client } = rig(server, { gate });
    const first = client.getQualifications(T(3));
    await new Promise((r) => setTimeout(r, 100)); // the 429 has closed the gate by now (loopback answers in ms)
    const second = await client.getQualifications(T(4));
    await first;
    const [a, b, c] = server.arrivals;
    assert.ok(b!.at - a!.at >= 380 && c!.at - a!.at >= 380, 'the retry and the next request both waited the Retry-After');
    assert.deepStrictEqual(second.qualifications, []);
    assert.ok(gate.pacing);
  }).timeout(10_000);

  describe('paging', () => {
    const page = (items: number, start: number, token?: string) => JSON.stringify({
      totalCount: 1_000_000,
      items: Array.from({ length: items }, (_, i) => ({ id: T(start + i), companyProfile: { tenantId: T(start + i), domain: `c${start + i}.example`, companyName: `C${start + i}` } })),
      ...(token !== undefined ? { links: { next: { uri: '/customers?size=2&seekOperation=Next', method: 'GET', headers: [{ key: 'MS-ContinuationToken', value: token }] } } } : {}),
    });
    const list = async (s: BadServer, maxPages?: number) => {
      const read: Customer[] = [];
      const e = await failure((async () => { for await (const p of rig(s).client.listCustomers({ pageSize: 2, maxPages })) read.push(...p.customers); })());
      return { read, e };
    };

    it('stops on a repeated continuation token and keeps what was read', async () => {
      let n = 0;
      server = await startBadServer((_req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(page(2, 2 * n++, n < 3 ? `t${n}` : 't1')); });
      const { read, e } = await list(server);
      assert.strictEqual(e.kind, 'malformed-response');
      assert.match(e.message, /repeated a continuation token \(stopped after 3 pages, 6 customers read\)/);
      assert.strictEqual(read.length, 6);
      assert.strictEqual(server.arrivals.length, 3);
    });

    it('stops on an empty page that still links to a next one', async () => {
      let n = 0;
      server = await startBadServer((_req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(n++ === 0 ? page(2, 0, 'a') : page(0, 0, `e${n}`)); });
      const { read, e } = await list(server);
      assert.match(e.message, /an empty page that still links to a next one \(stopped after 2 pages, 2 customers read\)/);
      assert.strictEqual(read.length, 2);
      assert.strictEqual(server.arrivals.length, 2);
    });

    it('stops after the page cap', async () => {
      let n = 0;
      server = await startBadServer((_req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(page(2, 2 * n, `p${n++}`)); });
      const { read, e } = await list(server, 5);
      assert.match(e.message, /went past 5 pages \(stopped after 5 pages, 10 customers read\)/);
      assert.strictEqual(read.length, 10);
    });
  });

  it('shares one forced token refresh among concurrent 401s', async () => {
    server = await startBadServer((req, res) => {
      if (req.headers.authorization === 'Bearer old') { res.writeHead(401, { 'content-type': 'application/json' }); res.end('{"code":800002,"description":"Token expired."}'); return; }
      res.writeHead(200, { 'content-type': 'application/json' }); res.end('[]');
    });
    const memo = new TokenMemo(0);
    const serial = new Serial();
    let forced = 0;
    let issued = 0;
    const tokens = {
      getToken: (r: { signal?: AbortSignal; forceRefresh?: boolean; refused?: string }) => memo.obtain(r, serial, async (force) => {
        if (force) forced++;
        await new Promise((ok) => setTimeout(ok, 20)); // a refresh-token redemption takes a moment
        return { accessToken: issued++ === 0 ? 'old' : 'new', expiresOn: new Date(Date.now() + 3_600_000) };
      }),
    };
    const { client } = rig(server, { tokens });
    await client.getQualifications(T(5)); // remembers "old" after a forced refresh of its own
    forced = 0;
    memo.set('old', new Date(Date.now() + 3_600_000)); // the remembered token went stale on the service's side
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => client.getQualifications(T(10 + i))));
    assert.strictEqual(results.length, 10);
    assert.strictEqual(forced, 1, 'one refresh for ten 401s');
  });

  it('lets a caller that joined a forced token refresh cancel its own wait', async () => {
    const memo = new TokenMemo(0);
    let release = () => undefined as void;
    const slow = () => new Promise<{ accessToken: string; expiresOn: Date }>((ok) => { release = () => ok({ accessToken: 'new', expiresOn: new Date(Date.now() + 3_600_000) }); });
    const serial = new Serial();
    const first = memo.obtain({ forceRefresh: true, refused: 'old' }, serial, slow);
    const ac = new AbortController();
    const joined = memo.obtain({ forceRefresh: true, refused: 'old', signal: ac.signal }, serial, slow);
    ac.abort();
    assert.strictEqual((await failure(joined)).kind, 'cancelled');
    await new Promise((r) => setImmediate(r));
    release();
    assert.strictEqual(await first, 'new');
  });

  it('reports a POST whose connection reset after its body was sent as of unknown fate, and sends it once', async () => {
    server = await startBadServer((req, res) => {
      req.resume();
      req.on('end', () => res.socket?.destroy()); // the body arrived; the answer never leaves
    });
    const { client, retries } = rig(server);
    const e = await failure(client.requestQualification(T(6), { qualification: 'StateOwnedEntity' }));
    assert.strictEqual(e.unknownOutcome, true);
    assert.strictEqual(e.kind, 'network');
    assert.match(e.message, /may have received the request/);
    assert.deepStrictEqual(retries, []);
    assert.strictEqual(server.arrivals.length, 1);
  });

  it('reports a POST that ran out of time after sending as of unknown fate', async () => {
    server = await startBadServer((req) => { req.resume(); });
    const { client } = rig(server, { deadlineMs: 200 });
    const e = await failure(client.requestQualification(T(7), { qualification: 'StateOwnedEntity' }));
    assert.strictEqual(e.kind, 'timeout');
    assert.strictEqual(e.unknownOutcome, true);
    assert.strictEqual(server.arrivals.length, 1);
  });

  it('never ends a server-error message in a double stop', () => {
    const e = errorFromResponse(503, '{"code":"503","description":"The service is temporarily unavailable."}', 'application/json', {});
    assert.strictEqual(e.message, 'Partner Center had a server error (503): The service is temporarily unavailable. Try again later.');
    for (const status of [400, 401, 403, 404, 408, 409, 429, 500]) {
      assert.doesNotMatch(errorFromResponse(status, '{"description":"Said it."}', 'application/json', {}).message, /\.\./, String(status));
    }
  });
});

describe('A joined fetch and its callers\' cancels', () => {
  /** A source whose call answers only when told, or ends when its signal aborts. */
  function held() {
    const calls: { signal?: AbortSignal; answer(): void }[] = [];
    const source = {
      getQualifications: (tenantId: string, call: { signal?: AbortSignal }) => new Promise<QualificationsResult>((resolve, reject) => {
        calls.push({ signal: call.signal, answer: () => resolve({ tenantId, qualifications: [], checkedAt: 1 }) });
        call.signal?.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })), { once: true });
      }),
    };
    return { calls, runner: new BatchRunner(source) };
  }

  it('ends the wait of a caller that cancels at once, while the call goes on for the one that started it', async () => {
    const { calls, runner } = held();
    const watcher = runner.fetchOne(T(1), {});
    const refresh = new AbortController();
    const joined = runner.fetchOne(T(1), { signal: refresh.signal });
    assert.strictEqual(calls.length, 1, 'the second caller joined');
    refresh.abort();
    const e = await failure(joined);
    assert.strictEqual(e.kind, 'cancelled');
    assert.strictEqual(calls[0]!.signal?.aborted, false, 'the watcher still waits: the call goes on');
    calls[0]!.answer();
    assert.strictEqual((await watcher).tenantId, T(1));
  });

  it('does not tell a caller "cancelled" when the caller that started the call cancels', async () => {
    const { calls, runner } = held();
    const watcher = new AbortController();
    const first = runner.fetchOne(T(2), { signal: watcher.signal });
    const refresh = runner.fetchOne(T(2), {});
    watcher.abort();
    assert.strictEqual((await failure(first)).kind, 'cancelled');
    calls[0]!.answer();
    assert.strictEqual((await refresh).tenantId, T(2));
  });

  it('aborts the shared call once every caller has cancelled, and a later caller starts afresh', async () => {
    const { calls, runner } = held();
    const a = new AbortController();
    const b = new AbortController();
    const pa = runner.fetchOne(T(3), { signal: a.signal });
    const pb = runner.fetchOne(T(3), { signal: b.signal });
    a.abort();
    b.abort();
    await Promise.allSettled([pa, pb]);
    assert.strictEqual(calls[0]!.signal?.aborted, true);
    const later = runner.fetchOne(T(3), {});
    assert.strictEqual(calls.length, 2);
    calls[1]!.answer();
    await later;
  });
});
