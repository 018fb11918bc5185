// The domain: a customer's qualifications and where their vetting stands.

/** Vetting states the product knows; anything else the service sends is kept as text and shown as unknown. */
export type VettingStatus = 'Approved' | 'InReview' | 'Denied' | 'Unknown' | 'NotVetted';

export const KNOWN_QUALIFICATIONS = ['Education', 'GovernmentCommunityCloud', 'StateOwnedEntity', 'Nonprofit'] as const;

export interface Qualification {
  /** Display form as the service sent it, canonical casing for the known ones (e.g. "Education"). */
  readonly name: string;
  readonly status: VettingStatus;
  /** The status text exactly as received (undefined when absent, e.g. StateOwnedEntity). */
  readonly rawStatus?: string;
  readonly reason?: string;
  /** ISO-8601 UTC as received (vettingCreateDate or vettingCreatedDate). */
  readonly createdAt?: string;
}

export interface QualificationsResult {
  readonly tenantId: string;
  /** Empty means the customer holds no qualification. */
  readonly qualifications: readonly Qualification[];
  readonly requestId?: string;
  readonly correlationId?: string;
  /** Epoch milliseconds of the answer. */
  readonly checkedAt: number;
  /** Epoch milliseconds when its request was sent: orders answers (an older request never replaces a newer one). */
  readonly sentAt?: number;
}

/** When the answer's request was sent (answers from before this field: when it came). */
export function answerTime(r: QualificationsResult): number {
  return r.sentAt ?? r.checkedAt;
}

/** The most significant status of a tenant, for its icon and badge: Denied > InReview > Unknown > Approved. */
export function overallStatus(qualifications: readonly Qualification[]): VettingStatus | 'None' {
  if (qualifications.length === 0) return 'None';
  const order: VettingStatus[] = ['Denied', 'InReview', 'Unknown', 'Approved', 'NotVetted'];
  for (const s of order) if (qualifications.some((q) => q.status === s)) return s;
  return 'Unknown';
}

/**
 * One key per qualification, distinct whatever the answer holds (a service may send "Education" twice, or
 * "Education" and "education"): the name, and its position among the same name when it repeats.
 */
export function qualificationKeys(qualifications: readonly Qualification[]): string[] {
  const seen = new Map<string, number>();
  return qualifications.map((q) => {
    const name = q.name.toLowerCase();
    const n = seen.get(name) ?? 0;
    seen.set(name, n + 1);
    return n === 0 ? name : `${name}#${n + 1}`;
  });
}
