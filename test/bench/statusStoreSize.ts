// Measures the status book at 100,000 tenants: load (parse + validate) and what one save during a refresh
// writes (the whole book before; the changed shards after). Printed figures, not a timed assertion.
import { TenantStatusBook } from '../../src/core/model/tenantStatus';

const N = Number(process.env.TENANTS ?? 100_000);
const id = (i: number) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
const ms = (f: () => void) => { const t = process.hrtime.bigint(); f(); return Number(process.hrtime.bigint() - t) / 1e6; };
const best = (f: () => void, n = 5) => Math.min(...Array.from({ length: n }, () => ms(f)));

const book = new TenantStatusBook();
for (let i = 0; i < N; i++) {
  book.succeeded({ tenantId: id(i), checkedAt: 1_700_000_000_000 + i, requestId: id(i + 1), correlationId: id(i + 2),
    qualifications: [{ name: 'Education', status: 'Approved', rawStatus: 'Approved', createdAt: '2026-06-30T12:00:00Z' }, { name: 'Nonprofit', status: 'Denied', rawStatus: 'Denied', reason: 'Not a registered nonprofit organization', createdAt: '2026-06-30T12:00:00Z' }] });
}
const whole = JSON.stringify(book.toJSON());
console.log(`tenants: ${N.toLocaleString()}; whole book ${(whole.length / 1e6).toFixed(1)} MB of JSON`);
console.log(`load (JSON.parse + fromJSON): ${best(() => TenantStatusBook.fromJSON(JSON.parse(whole)), 3).toFixed(0)} ms`);
const parsed: unknown = JSON.parse(whole);
// the Memento hands over parsed values: this is the part the extension host spends at activation
console.log(`load (fromJSON of the parsed value): ${best(() => TenantStatusBook.fromJSON(parsed), 3).toFixed(0)} ms`);
console.log(`save of the whole book (toJSON + stringify): ${best(() => JSON.stringify(book.toJSON())).toFixed(0)} ms`);
const sharded = book as unknown as { shard?(n: number): string[]; saved?(ids: string[]): unknown };
if (sharded.shard && sharded.saved) {
  // a refresh at 500 requests a minute records ~8 answers per 1 s save: at most 8 shards change
  const dirty = Array.from({ length: 8 }, (_, i) => i * 7);
  let bytes = 0;
  const t = best(() => { bytes = 0; for (const n of dirty) bytes += JSON.stringify(sharded.saved!(sharded.shard!(n))).length; });
  console.log(`save during a refresh (8 changed shards of 64): ${t.toFixed(1)} ms, ${(bytes / 1e6).toFixed(2)} MB`);
  console.log(`save of one changed shard: ${best(() => JSON.stringify(sharded.saved!(sharded.shard!(3)))).toFixed(1)} ms`);
}
