// What the extension knows of each tenant: the last good answer, the last failure (which never erases the
// good answer), and whether it came from an earlier session (stale). Serializable for workspace state.
import { PartnerCenterErrorKind } from '../client/errors';
import { QualificationsResult, VettingStatus, overallStatus } from './qualification';

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

export class TenantStatusBook {
  private readonly map = new Map<string, TenantStatus>();

  get(tenantId: string): TenantStatus | undefined {
    return this.map.get(tenantId);
  }

  succeeded(result: QualificationsResult): void {
    this.map.set(result.tenantId, { lastGood: result });
  }

  failed(tenantId: string, failure: TenantFailure): void {
    const prev = this.map.get(tenantId);
    // stale describes the last good answer: a fresh failure is not from the last session
    this.map.set(tenantId, prev?.lastGood ? { lastGood: prev.lastGood, failure, ...(prev.stale ? { stale: true } : {}), ...(prev.signedOut ? { signedOut: true } : {}) } : { failure });
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
    this.map.delete(tenantId);
  }

  /** Puts back what forget() removed (undo). */
  restore(tenantId: string, status: TenantStatus): void {
    this.map.set(tenantId, status);
  }

  /** Counts of tenants by state, among `tenantIds`. */
  counts(tenantIds: readonly string[]): Record<TenantState, number> {
    const c: Record<TenantState, number> = { Approved: 0, InReview: 0, Denied: 0, Unknown: 0, NotVetted: 0, None: 0, Error: 0, Unchecked: 0 };
    for (const id of tenantIds) c[tenantState(this.map.get(id))]++;
    return c;
  }

  toJSON(): Record<string, TenantStatus> {
    return Object.fromEntries([...this.map].map(([id, s]) => [id, { ...(s.lastGood ? { lastGood: s.lastGood } : {}), ...(s.failure ? { failure: s.failure } : {}) }]));
  }

  /** Restores a saved book; every entry is marked stale until refreshed. Unreadable entries are skipped. */
  static fromJSON(data: unknown): TenantStatusBook {
    const book = new TenantStatusBook();
    if (!data || typeof data !== 'object') return book;
    for (const [id, s] of Object.entries(data as Record<string, TenantStatus>)) {
      if (!s || typeof s !== 'object') continue;
      const goodOk = !s.lastGood || (Array.isArray(s.lastGood.qualifications) && typeof s.lastGood.checkedAt === 'number');
      if (goodOk) book.map.set(id, { ...s, stale: true });
    }
    return book;
  }
}
