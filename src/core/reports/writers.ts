// Report writers: CSV (RFC 4180, safe to open in a spreadsheet), JSON and a Markdown table, all from the
// same rows and columns.
import { REPORT_COLUMNS, ReportRow, statusCell } from './reportRows';

export type ReportFormat = 'csv' | 'json' | 'markdown';

const cell = (row: ReportRow, key: keyof ReportRow) => (key === 'status' ? statusCell(row) : row[key]);

/**
 * A CSV field: a leading = + - @ (or tab / carriage return) would make a spreadsheet run it as a formula,
 * so it gets a leading apostrophe; fields with a comma, quote, line break or outer space are quoted, inner
 * quotes doubled (RFC 4180).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly ReportRow[]): string {
  const lines = [REPORT_COLUMNS.map((c) => csvField(c.title)).join(',')];
  for (const row of rows) lines.push(REPORT_COLUMNS.map((c) => csvField(cell(row, c.key))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function toJson(rows: readonly ReportRow[]): string {
  // every key on every row (empty as null) so consumers need no guessing
  const out = rows.map((r) => Object.fromEntries((Object.keys(r) as (keyof ReportRow)[]).map((k) => [k, r[k] === '' ? null : r[k]])));
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** A Markdown table cell: pipes, markup and line breaks cannot break the table or inject links and HTML. */
export function markdownCell(value: string): string {
  return value.replace(/\r\n|\r|\n/g, ' ').replace(/[\\`*_{}[\]<>|#!~]/g, '\\$&').trim();
}

export function toMarkdown(rows: readonly ReportRow[], columns = REPORT_COLUMNS): string {
  const head = `| ${columns.map((c) => c.title).join(' | ')} |`;
  const rule = `|${columns.map(() => '---|').join('')}`;
  const body = rows.map((r) => `| ${columns.map((c) => markdownCell(cell(r, c.key))).join(' | ')} |`);
  return `${[head, rule, ...body].join('\n')}\n`;
}

/** One tenant's qualifications as a small table under its name, for pasting into a ticket or chat. */
export function tenantMarkdown(rows: readonly ReportRow[]): string {
  const first = rows[0];
  if (!first) return '';
  // the default domain (when known) beside the id: what a colleague recognises the customer by
  const id = first.domain ? `${markdownCell(first.domain)}, \`${first.tenantId}\`` : `\`${first.tenantId}\``;
  const title = first.name ? `**${markdownCell(first.name)}** (${id})` : first.domain ? `\`${first.tenantId}\` (${markdownCell(first.domain)})` : id;
  const columns = REPORT_COLUMNS.filter((c) => ['qualification', 'status', 'reason', 'vettingDate'].includes(c.key));
  const checked = first.lastChecked ? `\n\nLast checked: ${first.lastChecked}` : '';
  const error = first.lastError ? `\n\nLast error: ${markdownCell(first.lastError)}` : '';
  return `${title}\n\n${toMarkdown(rows, columns).trimEnd()}${checked}${error}\n`;
}

export function writeReport(format: ReportFormat, rows: readonly ReportRow[]): string {
  return format === 'csv' ? toCsv(rows) : format === 'json' ? toJson(rows) : toMarkdown(rows);
}
