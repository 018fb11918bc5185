// What the extension knows of each tenant: the last good answer, the last failure (which never erases the
// good answer), and whether it came from an earlier session (stale). Bounded (strings capped, tenants no
// longer listed pruned after a grace period, a cap on the whole) and saved in shards, so a write after a few
// answers rewrites a few shards, not 100,000 tenants.
import { PartnerCenterErrorKind } from '../client/errors';
import { QualificationsResult, VettingStatus, answerTime, overallStatus } from './qualification';
import { boundedFailure, boundedResult, readSavedStatus } from './savedStatus';

export interface TenantFailure {
  readonly kind: PartnerCenterErrorKind;
  readonly message: string;
  readonly at: number;
  readonly requestId?: string;
  readonly correlationId?: string;
}

export interface TenantStatus {
  readonly lastGood?: QualificationsResult;
  readonly failure?: TenantFailure;
  /** Loaded from an earlier session and not refreshed since. */
  readonly stale?: boolean;
  /** Checked before the user signed out and not refreshed since. */
  readonly signedOut?: boolean;
}

export type TenantState = VettingStatus | 'None' | 'Error' | 'Unchecked';

/** The state a row shows: a failure wins over older good data for the icon; the good data stays visible. */
export function tenantState(s: TenantStatus | undefined): TenantState {
  if (!s) return 'Unchecked';
  if (s.failure && (!s.lastGood || s.failure.at >= s.lastGood.checkedAt)) return 'Error';
  return s.lastGood ? overallStatus(s.lastGood.qualifications) : 'Unchecked';
}

/** Shards the book is saved in: one answer rewrites 1/64 of it. */
export const STATUS_SHARDS = 64;
/** Most tenants the book keeps (listed ones first when it must drop some). */
export const MAX_TENANTS = 200_000;
/** How long a tenant no longer listed keeps its answer (it may come back, e.g. a settings edit undone). */
export const UNLISTED_GRACE_MS = 30 * 24 * 60 * 60 * 1000;

/** The shard of a tenant (FNV-1a of its lower-case id): stable across sessions. */
export function shardOf(tenantId: string): number {
  let h = 0x811c9dc5;
  const id = tenantId.toLowerCase();
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) % STATUS_SHARDS;
}

/** When the book last heard of the tenant (answer or failure). */
function lastHeard(s: TenantStatus): number {
  return Math.max(s.lastGood?.checkedAt ?? 0, s.failure?.at ?? 0);
}

export type SavedStatus = Record<string, TenantStatus>;

export class TenantStatusBook {
  private readonly map = new Map<string, TenantStatus>();
  /** The tenants of each shard (a shard is written without walking the whole book). */
  private readonly shards = Array.from({ length: STATUS_SHARDS }, () => new Set<string>());

  private put(id: string, s: TenantStatus): void {
    this.map.set(id, s);
    this.shards[shardOf(id)]!.add(id);
  }

  private drop(id: string): void {
    this.map.delete(id);
    this.shards[shardOf(id)]!.delete(id);
  }

  get(tenantId: string): TenantStatus | undefined {
    return this.map.get(tenantId);
  }

  get size(): number {
    return this.map.size;
  }

  /**
   * Records an answer unless the one recorded is newer by the time its request was sent (a slow read that
   * started before a request or a watch check never reverts what they found). Returns whether it was recorded.
   */
  succeeded(result: QualificationsResult): boolean {
    const known = this.map.get(result.tenantId)?.lastGood;
    if (known && answerTime(result) < answerTime(known)) return false;
    this.put(result.tenantId, { lastGood: boundedResult(result) });
    return true;
  }

  failed(tenantId: string, failure: TenantFailure): void {
    const prev = this.map.get(tenantId);
    const f = boundedFailure(failure);
    // stale describes the last good answer: a fresh failure is not from the last session
    this.put(tenantId, prev?.lastGood ? { lastGood: prev.lastGood, failure: f, ...(prev.stale ? { stale: true } : {}), ...(prev.signedOut ? { signedOut: true } : {}) } : { failure: f });
  }

  /** After sign-out every known answer is from before it (until refreshed); returns the tenants marked. */
  markSignedOut(): string[] {
    const marked: string[] = [];
    for (const [id, s] of this.map) {
      if (s.signedOut) continue;
      this.map.set(id, { ...s, signedOut: true });
      marked.push(id);
    }
    return marked;
  }

  forget(tenantId: string): void {
    this.drop(tenantId);
  }

  /** Puts back what forget() removed (undo). */
  restore(tenantId: string, status: TenantStatus): void {
    this.put(tenantId, status);
  }

  /**
   * Drops tenants no longer listed once nothing was heard of them for `graceMs`, then, over MAX_TENANTS, the
   * unlisted ones heard of longest ago. Returns the tenants dropped.
   */
  prune(listed: Iterable<string>, now = Date.now(), graceMs = UNLISTED_GRACE_MS, max = MAX_TENANTS): string[] {
    const keep = new Set([...listed].map((id) => id.toLowerCase()));
    const unlisted = [...this.map].filter(([id]) => !keep.has(id.toLowerCase()));
    const dropped: string[] = [];
    for (const [id, s] of unlisted) if (now - lastHeard(s) > graceMs) dropped.push(id);
    const over = this.map.size - dropped.length - max;
    if (over > 0) {
      const gone = new Set(dropped);
      const oldest = unlisted.filter(([id]) => !gone.has(id)).sort((a, b) => lastHeard(a[1]) - lastHeard(b[1]));
      dropped.push(...oldest.slice(0, over).map(([id]) => id));
    }
    for (const id of dropped) this.drop(id);
    return dropped;
  }

  /** Counts of tenants by state, among `tenantIds`. */
  counts(tenantIds: readonly string[]): Record<TenantState, number> {
    const c: Record<TenantState, number> = { Approved: 0, InReview: 0, Denied: 0, Unknown: 0, NotVetted: 0, None: 0, Error: 0, Unchecked: 0 };
    for (const id of tenantIds) c[tenantState(this.map.get(id))]++;
    return c;
  }

  toJSON(): SavedStatus {
    return this.saved(this.map.keys());
  }

  /** The saved form of the tenants in `ids` (a shard). */
  saved(ids: Iterable<string>): SavedStatus {
    const out: SavedStatus = {};
    for (const id of ids) {
      const s = this.map.get(id);
      if (s) out[id] = { ...(s.lastGood ? { lastGood: s.lastGood } : {}), ...(s.failure ? { failure: s.failure } : {}) };
    }
    return out;
  }

  /** Tenants whose entries are in the given shard. */
  shard(n: number): string[] {
    return [...this.shards[n]!];
  }

  /**
   * Restores a saved book (whole or in shards); every entry is marked stale until refreshed. An entry of the
   * wrong shape is dropped with its reason (`dropped`), never thrown; at most MAX_TENANTS are read.
   */
  static fromJSON(data: unknown, dropped: (tenantId: string, why: string) => void = () => undefined): TenantStatusBook {
    const book = new TenantStatusBook();
    book.load(data, dropped);
    return book;
  }

  /** Adds the entries of one saved shard (see fromJSON). */
  load(data: unknown, dropped: (tenantId: string, why: string) => void = () => undefined): void {
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      if (data !== undefined) dropped('*', 'the saved book is not an object');
      return;
    }
    for (const [id, v] of Object.entries(data as Record<string, unknown>)) {
      if (this.map.size >= MAX_TENANTS) return dropped(id, `more than ${MAX_TENANTS} tenants saved: the rest is not read`);
      const read = readSavedStatus(id, v);
      if (typeof read === 'string') dropped(id, read);
      else this.put(id, read);
    }
  }
}
