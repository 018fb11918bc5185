// Export Report and Copy as Markdown in the real extension host: each format, as an untitled document in
// its language, compared with the expected text; the view's filter respected.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ExportResult } from '../../src/vscode/reports/exportReport';
import { DEMO_TENANTS, World, getWorld, setCustomers, signInApp, waitFor } from './helpers';

const T = DEMO_TENANTS;

describe('Export Report', () => {
  let w: World;
  let checked: (id: string) => string;
  let failedMessage: string;
  before(async () => {
    w = await getWorld();
    await signInApp(w);
    await setCustomers([
      { tenantId: T.approved, name: '=Contoso, "University"' },
      { tenantId: T.denied, name: 'Northwind Traders' },
      { tenantId: T.stateOwnedGcc, name: 'City of Tailspin' },
      { tenantId: T.unknownStatus, name: 'Wide World Importers' },
      { tenantId: T.notFound, name: 'Deleted tenant' },
    ]);
    await waitFor('rows', () => w.api.tree.getChildren().length === 5);
    await vscode.commands.executeCommand('partnerCenter.sortBy', 'name');
    await vscode.commands.executeCommand('partnerCenter.refreshAll');
    const iso = (id: string) => {
      const s = w.api.store.book.get(id)!;
      return new Date(Math.max(s.lastGood?.checkedAt ?? 0, s.failure?.at ?? 0)).toISOString();
    };
    checked = iso;
    failedMessage = w.api.store.book.get(T.notFound)!.failure!.message;
  });
  after(async () => { await vscode.commands.executeCommand('partnerCenter.clearFilter'); });

  // the default domain is known once Partner Center's customer directory named the tenant (earlier suites may have)
  const dom = (tenantId: string) => w.api.tree.described({ tenantId, index: 0 }).domain ?? '';
  const run = (args: Record<string, unknown>) => vscode.commands.executeCommand<ExportResult>('partnerCenter.exportReport', { scope: 'all', destination: 'untitled', ...args });
  const documentOf = (r: ExportResult) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === r.uri);

  it('writes CSV with RFC 4180 quoting and formulas neutralised, opened as an untitled document', async () => {
    const r = await run({ format: 'csv' });
    const expected = [
      'Tenant ID,Name,Domain,Qualification,Status,Reason,Vetting Date,Last Checked (UTC),Last Error',
      `${T.approved},"'=Contoso, ""University""",${dom(T.approved)},Education,Approved,,2026-09-03T10:37:38.885Z,${checked(T.approved)},`,
      `${T.stateOwnedGcc},City of Tailspin,${dom(T.stateOwnedGcc)},StateOwnedEntity,Held,,,${checked(T.stateOwnedGcc)},`,
      `${T.stateOwnedGcc},City of Tailspin,${dom(T.stateOwnedGcc)},GovernmentCommunityCloud,Approved,,2026-06-30T12:00:00Z,${checked(T.stateOwnedGcc)},`,
      `${T.notFound},Deleted tenant,${dom(T.notFound)},,Error,,,${checked(T.notFound)},${failedMessage.includes(',') ? `"${failedMessage}"` : failedMessage}`,
      `${T.denied},Northwind Traders,${dom(T.denied)},Education,Denied,Not an Academic Domain,2026-10-14T16:20:05Z,${checked(T.denied)},`,
      `${T.unknownStatus},Wide World Importers,${dom(T.unknownStatus)},Education,Unknown (PendingDocuments),,2026-11-20T09:00:00Z,${checked(T.unknownStatus)},`,
      '',
    ].join('\r\n');
    assert.strictEqual(r.text, expected);
    const doc = documentOf(r)!;
    assert.ok(doc.isUntitled, 'an untitled document: nothing written to disk');
    assert.strictEqual(doc.getText(), expected);
    assert.strictEqual(r.rows, 6);
  });

  it('writes JSON, one object per row with every key, in a JSON document', async () => {
    const r = await run({ format: 'json' });
    const rows = JSON.parse(r.text) as Record<string, unknown>[];
    assert.deepStrictEqual(rows[5], { tenantId: T.unknownStatus, name: 'Wide World Importers', domain: dom(T.unknownStatus) || null, qualification: 'Education', status: 'Unknown', rawStatus: 'PendingDocuments', reason: null, vettingDate: '2026-11-20T09:00:00Z', lastChecked: checked(T.unknownStatus), lastError: null });
    assert.deepStrictEqual(rows[3], { tenantId: T.notFound, name: 'Deleted tenant', domain: dom(T.notFound) || null, qualification: null, status: 'Error', rawStatus: null, reason: null, vettingDate: null, lastChecked: checked(T.notFound), lastError: failedMessage });
    assert.strictEqual(documentOf(r)?.languageId, 'json');
    assert.strictEqual(documentOf(r)?.getText(), r.text);
  });

  it('writes a Markdown table in a Markdown document, and respects the filter when asked to', async () => {
    await vscode.commands.executeCommand('partnerCenter.filter', ['Denied']);
    const r = await run({ format: 'markdown', scope: 'shown' });
    assert.strictEqual(r.text, [
      '| Tenant ID | Name | Domain | Qualification | Status | Reason | Vetting Date | Last Checked (UTC) | Last Error |',
      '|---|---|---|---|---|---|---|---|---|',
      `| ${T.denied} | Northwind Traders | ${dom(T.denied)} | Education | Denied | Not an Academic Domain | 2026-10-14T16:20:05Z | ${checked(T.denied)} |  |`,
      '',
    ].join('\n'));
    assert.strictEqual(documentOf(r)?.languageId, 'markdown');
    const all = await run({ format: 'markdown', scope: 'all' });
    assert.strictEqual(all.rows, 6);
  });

  it('copies a tenant row as a small Markdown table', async () => {
    await vscode.commands.executeCommand('partnerCenter.clearFilter');
    const node = w.api.tree.getChildren().find((n) => n.kind === 'tenant' && n.tenant.tenantId === T.stateOwnedGcc);
    const text = await vscode.commands.executeCommand<string>('partnerCenter.copyAsMarkdown', node);
    const expected = [
      `**City of Tailspin** (${dom(T.stateOwnedGcc) ? `${dom(T.stateOwnedGcc)}, ` : ''}\`${T.stateOwnedGcc}\`)`, '',
      '| Qualification | Status | Reason | Vetting Date |', '|---|---|---|---|',
      '| StateOwnedEntity | Held |  |  |', '| GovernmentCommunityCloud | Approved |  | 2026-06-30T12:00:00Z |', '',
      `Last checked: ${checked(T.stateOwnedGcc)}`, '',
    ].join('\n');
    assert.strictEqual(text, expected);
    assert.strictEqual(await vscode.env.clipboard.readText(), expected);
  });
});
