// What changed in each tenant's vetting, as this extension saw it: the first answer is the baseline, each later
// answer is compared qualification by qualification. Bounded per tenant, serialisable with a version, and a
// saved state that is corrupted or from another version loads as far as it can, never throws.
import { QualificationsResult, VettingStatus } from '../model/qualification';
import { capText } from '../model/savedStatus';

/** Most tenants followed: past it a new tenant gets no baseline (the status book has its own cap). */
export const MAX_HISTORY_TENANTS = 200_000;

/** A qualification's status, or Absent when the tenant's answer did not list it (added or removed). */
export type HistoryStatus = VettingStatus | 'Absent';

export interface VettingChange {
  readonly tenantId: string;
  readonly qualification: string;
  readonly from: HistoryStatus;
  readonly to: HistoryStatus;
  /** The vetting reason of the new state (e.g. "Not an Academic Domain"). */
  readonly reason?: string;
  /** The vetting date of the new state, as the service sent it. */
  readonly vettingDate?: string;
  /** Epoch ms of the answer that showed the change. */
  readonly seenAt: number;
}

/** Last seen state of one qualification. */
interface Seen {
  readonly status: VettingStatus;
  readonly reason?: string;
  readonly vettingDate?: string;
}

interface TenantHistory {
  /** Qualification (lower case) to its last seen state. */
  seen: Map<string, Seen & { readonly name: string }>;
  /** When the baseline was taken. */
  since: number;
  /** Oldest first, at most `limit`. */
  changes: VettingChange[];
}

export const HISTORY_VERSION = 1;
export const DEFAULT_HISTORY_LIMIT = 20;

export interface SavedHistory {
  readonly version: number;
  readonly tenants: Record<string, { since: number; seen: { name: string; status: VettingStatus; reason?: string; vettingDate?: string }[]; changes: VettingChange[] }>;
}

const STATUSES: ReadonlySet<string> = new Set(['Approved', 'InReview', 'Denied', 'Unknown', 'NotVetted']);

export class VettingHistory {
  private readonly tenants = new Map<string, TenantHistory>();

  constructor(readonly limit = DEFAULT_HISTORY_LIMIT) {}

  /** Whether a baseline exists for the tenant. */
  has(tenantId: string): boolean {
    return this.tenants.has(key(tenantId));
  }

  /** When the tenant's baseline was taken. */
  since(tenantId: string): number | undefined {
    return this.tenants.get(key(tenantId))?.since;
  }

  /**
   * Compares a successful answer with the last one: returns the changes it shows (none for the first answer,
   * which becomes the baseline). Failed fetches never come here: a failure is not a change.
   */
  observe(result: QualificationsResult): VettingChange[] {
    const id = key(result.tenantId);
    const now = new Map<string, Seen & { name: string }>();
    for (const q of result.qualifications) {
      now.set(q.name.toLowerCase(), { name: capText(q.name), status: q.status, ...(q.reason ? { reason: capText(q.reason) } : {}), ...(q.createdAt ? { vettingDate: capText(q.createdAt, 100) } : {}) });
    }
    const t = this.tenants.get(id);
    if (!t) {
      if (this.tenants.size >= MAX_HISTORY_TENANTS) return [];
      this.tenants.set(id, { seen: now, since: result.checkedAt, changes: [] });
      return [];
    }
    const found: VettingChange[] = [];
    for (const [k, q] of now) {
      const before = t.seen.get(k);
      if (before?.status === q.status) continue;
      found.push({ tenantId: result.tenantId, qualification: q.name, from: before?.status ?? 'Absent', to: q.status, reason: q.reason, vettingDate: q.vettingDate, seenAt: result.checkedAt });
    }
    for (const [k, before] of t.seen) {
      if (!now.has(k)) found.push({ tenantId: result.tenantId, qualification: before.name, from: before.status, to: 'Absent', seenAt: result.checkedAt });
    }
    t.seen = now;
    if (found.length) {
      t.changes.push(...found.map(clean));
      if (t.changes.length > this.limit) t.changes.splice(0, t.changes.length - this.limit);
    }
    return found;
  }

  /**
   * What the baseline answer held, qualification and status (undefined without a baseline): the last seen
   * state with the kept changes undone, newest first (past the limit, the state before the oldest kept change).
   */
  baseline(tenantId: string): { readonly name: string; readonly status: VettingStatus }[] | undefined {
    const t = this.tenants.get(key(tenantId));
    if (!t) return undefined;
    const state = new Map([...t.seen].map(([k, q]) => [k, { name: q.name, status: q.status as HistoryStatus }]));
    for (let i = t.changes.length - 1; i >= 0; i--) {
      const c = t.changes[i]!;
      state.set(c.qualification.toLowerCase(), { name: c.qualification, status: c.from });
    }
    return [...state.values()].filter((q): q is { name: string; status: VettingStatus } => q.status !== 'Absent');
  }

  /** The tenant's changes, oldest first. */
  changes(tenantId: string): readonly VettingChange[] {
    return this.tenants.get(key(tenantId))?.changes ?? [];
  }

  /** The latest change of one qualification of a tenant. */
  lastChange(tenantId: string, qualification: string): VettingChange | undefined {
    const list = this.changes(tenantId);
    const q = qualification.toLowerCase();
    for (let i = list.length - 1; i >= 0; i--) if (list[i]!.qualification.toLowerCase() === q) return list[i];
    return undefined;
  }

  forget(tenantId: string): void {
    this.tenants.delete(key(tenantId));
  }

  toJSON(): SavedHistory {
    const tenants: SavedHistory['tenants'] = {};
    for (const [id, t] of this.tenants) tenants[id] = { since: t.since, seen: [...t.seen.values()], changes: t.changes };
    return { version: HISTORY_VERSION, tenants };
  }

  /**
   * Restores a saved history. Another version, a wrong shape or a bad entry never throws: what cannot be read
   * is dropped (that tenant's next answer becomes its baseline again).
   */
  static fromJSON(data: unknown, limit = DEFAULT_HISTORY_LIMIT): VettingHistory {
    const h = new VettingHistory(limit);
    if (!isObject(data) || data.version !== HISTORY_VERSION || !isObject(data.tenants)) return h;
    for (const [id, raw] of Object.entries(data.tenants)) {
      if (h.tenants.size >= MAX_HISTORY_TENANTS) break;
      if (!isObject(raw) || typeof raw.since !== 'number' || !Array.isArray(raw.seen) || !Array.isArray(raw.changes)) continue;
      const seen = new Map<string, Seen & { name: string }>();
      let ok = true;
      for (const s of raw.seen) {
        if (!isObject(s) || typeof s.name !== 'string' || !STATUSES.has(String(s.status))) { ok = false; break; }
        seen.set(s.name.toLowerCase(), { name: capText(s.name), status: s.status as VettingStatus, ...optionalText(s, 'reason'), ...optionalText(s, 'vettingDate') });
      }
      if (!ok) continue;
      const changes = raw.changes.filter(isChange).map(clean).slice(-limit);
      h.tenants.set(key(id), { seen, since: raw.since, changes });
    }
    return h;
  }
}

const key = (tenantId: string) => tenantId.toLowerCase();

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isStatus = (v: unknown) => v === 'Absent' || STATUSES.has(String(v));

function isChange(v: unknown): v is VettingChange {
  return isObject(v) && typeof v.tenantId === 'string' && typeof v.qualification === 'string' && isStatus(v.from) && isStatus(v.to) && typeof v.seenAt === 'number';
}

function optionalText(o: Record<string, unknown>, name: string): Record<string, string> {
  return typeof o[name] === 'string' ? { [name]: capText(o[name] as string) } : {};
}

/** Only the known fields, without undefined ones (what is saved is what is read back). */
function clean(c: VettingChange): VettingChange {
  return {
    tenantId: c.tenantId, qualification: capText(c.qualification), from: c.from, to: c.to, seenAt: c.seenAt,
    ...(typeof c.reason === 'string' ? { reason: capText(c.reason) } : {}),
    ...(typeof c.vettingDate === 'string' ? { vettingDate: capText(c.vettingDate, 100) } : {}),
  };
}
