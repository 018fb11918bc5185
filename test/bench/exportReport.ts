// Benchmark: a report of 10,000 tenants (about 13,000 rows: every qualification, error and never-checked
// row kind) built from the status book and written as CSV, JSON and Markdown. Plain Node, no network.
import { TenantStatus } from '../../src/core/model/tenantStatus';
import { reportRows } from '../../src/core/reports/reportRows';
import { ReportFormat, writeReport } from '../../src/core/reports/writers';
import { customerId } from '../../src/core/simulator/customers';
import type { Line } from './scenarios';

function book(n: number): { tenants: { tenantId: string; name: string; domain: string }[]; statuses: Map<string, TenantStatus> } {
  const statuses = new Map<string, TenantStatus>();
  const at = Date.UTC(2026, 10, 30);
  const tenants = Array.from({ length: n }, (_, i) => {
    const tenantId = customerId(200_000 + i);
    const kind = i % 10;
    if (kind === 9) statuses.set(tenantId, { failure: { kind: 'server', message: 'Partner Center had a server error (503), "try again".', at } });
    else if (kind === 8) statuses.set(tenantId, { lastGood: { tenantId, checkedAt: at, qualifications: [] } });
    else if (kind !== 7) {
      statuses.set(tenantId, { lastGood: { tenantId, checkedAt: at, qualifications: [
        { name: 'Education', status: kind % 3 === 0 ? 'Denied' : 'Approved', rawStatus: kind % 3 === 0 ? 'Denied' : 'Approved', ...(kind % 3 === 0 ? { reason: 'Not an Academic Domain' } : {}), createdAt: '2026-11-01T00:00:00Z' },
        ...(kind % 2 ? [{ name: 'StateOwnedEntity', status: 'NotVetted' as const }] : []),
      ] } });
    }
    return { tenantId, name: kind === 5 ? `=Schule, "Nord" ${i}` : `Customer ${i} · Müller`, domain: `customer${i}.example.edu` };
  });
  return { tenants, statuses };
}

export function exportReport(n: number): Line[] {
  const { tenants, statuses } = book(n);
  const lines: Line[] = [];
  for (const format of ['csv', 'json', 'markdown'] as ReportFormat[]) {
    const times: number[] = [];
    let size = 0;
    for (let run = 0; run < 5; run++) {
      const t0 = performance.now();
      const text = writeReport(format, reportRows(tenants, (id) => statuses.get(id)));
      times.push(performance.now() - t0);
      size = text.length;
    }
    const ms = [...times].sort((a, b) => a - b)[2]!;
    lines.push({ name: `7. export of ${n} tenants as ${format} (${Math.round(size / 1024)} KB), median of 5`, value: ms, unit: 'ms', target: '< 1000', ok: ms < 1000 });
  }
  return lines;
}
