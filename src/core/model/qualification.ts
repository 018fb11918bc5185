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
}

/** The most significant status of a tenant, for its icon and badge: Denied > InReview > Unknown > Approved. */
export function overallStatus(qualifications: readonly Qualification[]): VettingStatus | 'None' {
  if (qualifications.length === 0) return 'None';
  const order: VettingStatus[] = ['Denied', 'InReview', 'Unknown', 'Approved', 'NotVetted'];
  for (const s of order) if (qualifications.some((q) => q.status === s)) return s;
  return 'Unknown';
}
