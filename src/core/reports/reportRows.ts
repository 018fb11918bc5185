// A report is one row per tenant and qualification, built from what the extension remembers: a tenant
// without qualifications, never checked or failed before any good answer still gets one row, so nobody
// drops out of the list a colleague receives.
import { Qualification } from '../model/qualification';
import { TenantStatus } from '../model/tenantStatus';

export interface ReportTenant {
  readonly tenantId: string;
  readonly name?: string;
  /** The customer's domain when known (e.g. from the customer list); empty otherwise. */
  readonly domain?: string;
}

/** Status words of a report: the API's own for vetting, plus the states a row can be in without one. */
export type ReportStatus = 'Approved' | 'InReview' | 'Denied' | 'Unknown' | 'Held' | 'None' | 'Error' | 'NotChecked';

export interface ReportRow {
  readonly tenantId: string;
  readonly name: string;
  readonly domain: string;
  /** Empty when the tenant holds none or was not read. */
  readonly qualification: string;
  readonly status: ReportStatus;
  /** The status text exactly as Partner Center sent it (kept for Unknown ones). */
  readonly rawStatus: string;
  readonly reason: string;
  /** ISO 8601 as Partner Center sent it. */
  readonly vettingDate: string;
  /** ISO 8601 UTC of the last attempt (good or failed); empty when never checked. */
  readonly lastChecked: string;
  readonly lastError: string;
}

export const REPORT_COLUMNS: readonly { readonly key: keyof ReportRow; readonly title: string }[] = [
  { key: 'tenantId', title: 'Tenant ID' },
  { key: 'name', title: 'Name' },
  { key: 'domain', title: 'Domain' },
  { key: 'qualification', title: 'Qualification' },
  { key: 'status', title: 'Status' },
  { key: 'reason', title: 'Reason' },
  { key: 'vettingDate', title: 'Vetting Date' },
  { key: 'lastChecked', title: 'Last Checked (UTC)' },
  { key: 'lastError', title: 'Last Error' },
];

/** The Status cell: the raw text beside Unknown, so nothing the service said is lost. */
export function statusCell(row: ReportRow): string {
  return row.status === 'Unknown' && row.rawStatus ? `Unknown (${row.rawStatus})` : row.status;
}

const iso = (ms: number | undefined) => (ms === undefined || !Number.isFinite(ms) ? '' : new Date(ms).toISOString());

function qualificationStatus(q: Qualification): ReportStatus {
  return q.status === 'NotVetted' ? 'Held' : q.status;
}

export function reportRows(tenants: readonly ReportTenant[], statusOf: (tenantId: string) => TenantStatus | undefined): ReportRow[] {
  const rows: ReportRow[] = [];
  for (const t of tenants) {
    const s = statusOf(t.tenantId);
    const good = s?.lastGood;
    const lastAt = Math.max(good?.checkedAt ?? -Infinity, s?.failure?.at ?? -Infinity);
    const base = {
      tenantId: t.tenantId,
      name: t.name ?? '',
      domain: t.domain ?? '',
      lastChecked: iso(Number.isFinite(lastAt) ? lastAt : undefined),
      lastError: s?.failure?.message ?? '',
    };
    if (good && good.qualifications.length) {
      for (const q of good.qualifications) {
        rows.push({ ...base, qualification: q.name, status: qualificationStatus(q), rawStatus: q.rawStatus ?? '', reason: q.reason ?? '', vettingDate: q.createdAt ?? '' });
      }
    } else {
      const status: ReportStatus = good ? 'None' : s?.failure ? 'Error' : 'NotChecked';
      rows.push({ ...base, qualification: '', status, rawStatus: '', reason: '', vettingDate: '' });
    }
  }
  return rows;
}
