import * as assert from 'assert';
import { TenantStatus } from '../../src/core/model/tenantStatus';
import { ReportRow, reportRows } from '../../src/core/reports/reportRows';
import { csvField, markdownCell, tenantMarkdown, toCsv, toJson, toMarkdown } from '../../src/core/reports/writers';

const A = '00000000-0000-4000-8000-000000000001';
const B = '00000000-0000-4000-8000-000000000002';
const C = '00000000-0000-4000-8000-000000000003';
const D = '00000000-0000-4000-8000-000000000004';
const at = Date.UTC(2026, 10, 30, 8, 0, 0);
const statuses: Record<string, TenantStatus> = {
  [A]: { lastGood: { tenantId: A, checkedAt: at, qualifications: [
    { name: 'StateOwnedEntity', status: 'NotVetted' },
    { name: 'Education', status: 'Unknown', rawStatus: 'PendingDocuments', createdAt: '2026-11-20T09:00:00Z' },
  ] } },
  [B]: { lastGood: { tenantId: B, checkedAt: at, qualifications: [] }, failure: { kind: 'server', message: 'Partner Center had a server error (503).', at: at + 1000 } },
  [C]: { failure: { kind: 'no-relationship', message: 'No reseller relationship, "really".', at } },
};
const rows = reportRows([
  { tenantId: A, name: '=HYPERLINK("http://evil")', domain: 'contoso.edu' },
  { tenantId: B, name: 'Müller, Schule "Nord"\nZweig' },
  { tenantId: C, name: '学校 | 🎓' },
  { tenantId: D },
], (id) => statuses[id]);

describe('Report rows and writers', () => {
  it('has one row per tenant and qualification, with empty and error rows', () => {
    assert.deepStrictEqual(rows.map((r) => [r.tenantId.slice(-1), r.qualification, r.status]), [
      ['1', 'StateOwnedEntity', 'Held'], ['1', 'Education', 'Unknown'], ['2', '', 'None'], ['3', '', 'Error'], ['4', '', 'NotChecked'],
    ]);
    assert.strictEqual(rows[1]!.rawStatus, 'PendingDocuments');
    assert.strictEqual(rows[2]!.lastChecked, '2026-11-30T08:00:01.000Z', 'last attempt, ISO 8601 UTC');
    assert.strictEqual(rows[2]!.lastError, 'Partner Center had a server error (503).');
    assert.strictEqual(rows[4]!.lastChecked, '');
  });

  it('quotes CSV per RFC 4180 and neutralises formulas', () => {
    assert.strictEqual(csvField('plain'), 'plain');
    assert.strictEqual(csvField('a,b'), '"a,b"');
    assert.strictEqual(csvField('say "hi"'), '"say ""hi"""');
    assert.strictEqual(csvField('two\nlines'), '"two\nlines"');
    for (const f of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx']) assert.ok(csvField(f).replace(/^"/, '').startsWith("'"), f);
    const csv = toCsv(rows);
    assert.strictEqual(csv, [
      'Tenant ID,Name,Domain,Qualification,Status,Reason,Vetting Date,Last Checked (UTC),Last Error',
      `${A},"'=HYPERLINK(""http://evil"")",contoso.edu,StateOwnedEntity,Held,,,2026-11-30T08:00:00.000Z,`,
      `${A},"'=HYPERLINK(""http://evil"")",contoso.edu,Education,Unknown (PendingDocuments),,2026-11-20T09:00:00Z,2026-11-30T08:00:00.000Z,`,
      `${B},"Müller, Schule ""Nord""\nZweig",,,None,,,2026-11-30T08:00:01.000Z,Partner Center had a server error (503).`,
      `${C},学校 | 🎓,,,Error,,,2026-11-30T08:00:00.000Z,"No reseller relationship, ""really""."`,
      `${D},,,,NotChecked,,,,`,
      '',
    ].join('\r\n'));
  });

  it('writes JSON with every key (null when empty) and unicode intact', () => {
    const parsed = JSON.parse(toJson(rows)) as Record<string, unknown>[];
    assert.strictEqual(parsed.length, 5);
    assert.deepStrictEqual(parsed[1], { tenantId: A, name: '=HYPERLINK("http://evil")', domain: 'contoso.edu', qualification: 'Education', status: 'Unknown', rawStatus: 'PendingDocuments', reason: null, vettingDate: '2026-11-20T09:00:00Z', lastChecked: '2026-11-30T08:00:00.000Z', lastError: null });
    assert.strictEqual(parsed[3]!.name, '学校 | 🎓');
    assert.strictEqual(toJson([]), '[]\n');
  });

  it('writes a Markdown table that pipes, markup and line breaks cannot break', () => {
    const md = toMarkdown(rows).split('\n');
    assert.strictEqual(md[0], '| Tenant ID | Name | Domain | Qualification | Status | Reason | Vetting Date | Last Checked (UTC) | Last Error |');
    assert.strictEqual(md[1], '|---|---|---|---|---|---|---|---|---|');
    assert.strictEqual(md.length, 2 + rows.length + 1);
    assert.strictEqual(md[4], `| ${B} | Müller, Schule "Nord" Zweig |  |  | None |  |  | 2026-11-30T08:00:01.000Z | Partner Center had a server error (503). |`);
    assert.strictEqual(md[5], `| ${C} | 学校 \\| 🎓 |  |  | Error |  |  | 2026-11-30T08:00:00.000Z | No reseller relationship, "really". |`);
    assert.strictEqual(markdownCell('<img src=x> [a](b)'), '\\<img src=x\\> \\[a\\](b)');
    assert.strictEqual(toMarkdown([]).split('\n').length, 3, 'header and rule only');
  });

  it('copies one tenant as a small table', () => {
    const one: ReportRow[] = rows.filter((r) => r.tenantId === A);
    assert.strictEqual(tenantMarkdown(one), [
      `**=HYPERLINK("http://evil")** (contoso.edu, \`${A}\`)`, '',
      '| Qualification | Status | Reason | Vetting Date |', '|---|---|---|---|',
      '| StateOwnedEntity | Held |  |  |', '| Education | Unknown (PendingDocuments) |  | 2026-11-20T09:00:00Z |', '',
      'Last checked: 2026-11-30T08:00:00.000Z', '',
    ].join('\n'));
    // without a name: the id, then the domain; without either extra: the id alone
    assert.strictEqual(tenantMarkdown(reportRows([{ tenantId: D, domain: 'lamna.example' }], () => undefined)).split('\n')[0], `\`${D}\` (lamna.example)`);
    assert.strictEqual(tenantMarkdown(rows.filter((r) => r.tenantId === C)).split('\n')[0], `**学校 \\| 🎓** (\`${C}\`)`);
  });
});
