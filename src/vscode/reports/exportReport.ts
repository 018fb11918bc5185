// Export Report...: what the view shows (or every tenant: asked when a filter is on) as CSV, JSON or a
// Markdown table, opened as an untitled document in its language or saved where the user chooses. Nothing
// is ever written to a file the user did not pick in the save dialog.
import * as vscode from 'vscode';
import { flashStatus, pick, showInformation } from '../display/window';
import { l10n } from '../display/l10n';
import { icon, plainText, text as plain } from '../../core/display/safeText';
import { ConfiguredTenant } from '../../core/model/customerEntries';
import { ReportRow, reportRows } from '../../core/reports/reportRows';
import { ReportFormat, tenantMarkdown, writeReport } from '../../core/reports/writers';
import { StatusStore } from '../statusStore';
import { CustomersTree } from '../view/tree';

/** Scripted use (tests, automation); without them the user is asked. */
export interface ExportReportArgs {
  readonly format?: ReportFormat;
  /** `shown`: the view as filtered; `all`: every configured tenant. */
  readonly scope?: 'shown' | 'all';
  /** `untitled` opens a new document; `file` asks where to save (Save As). */
  readonly destination?: 'untitled' | 'file';
}

export interface ExportResult {
  readonly format: ReportFormat;
  readonly rows: number;
  readonly tenants: number;
  readonly text: string;
  readonly uri: string;
}

const FORMATS: { format: ReportFormat; label: string; ext: string; language: string }[] = [
  { format: 'csv', label: 'CSV', ext: 'csv', language: 'csv' },
  { format: 'json', label: 'JSON', ext: 'json', language: 'json' },
  { format: 'markdown', label: 'Markdown', ext: 'md', language: 'markdown' },
];

export function rowsOf(tenants: readonly ConfiguredTenant[], store: StatusStore): ReportRow[] {
  return reportRows(tenants, (id) => store.book.get(id));
}

export async function exportReport(tree: CustomersTree, store: StatusStore, args: ExportReportArgs = {}): Promise<ExportResult | undefined> {
  const title = l10n.t('Partner Center: Export Report');
  const format = args.format ?? (await pick(
    FORMATS.map((f) => ({ label: plainText(f.label), description: plainText(`.${f.ext}`), format: f.format })),
    { title, placeHolder: l10n.t('Report format') },
  ))?.format;
  const spec = FORMATS.find((f) => f.format === format);
  if (!spec) return undefined;

  const shown = tree.shownTenants();
  const all = tree.shownTenants(true);
  let scope = args.scope;
  if (!scope) {
    scope = 'all';
    if (tree.filter && shown.length !== all.length) {
      scope = (await pick([
        { label: l10n.t('As filtered ({0} tenants)', shown.length), scope: 'shown' as const },
        { label: l10n.t('All tenants ({0})', all.length), scope: 'all' as const },
      ], { title, placeHolder: l10n.t('The view is filtered: which tenants?') }))?.scope;
      if (!scope) return undefined;
    }
  }
  const tenants = (scope === 'shown' ? shown : all).map((t) => tree.described(t));
  const rows = rowsOf(tenants, store);
  const text = writeReport(spec.format, rows);

  const destination = args.destination ?? (await pick([
    { label: plain`${icon('new-file')} ${l10n.t('Open as Untitled Document')}`, destination: 'untitled' as const },
    { label: plain`${icon('save-as')} ${l10n.t('Save As...')}`, destination: 'file' as const },
  ], { title, placeHolder: l10n.t('{0} rows for {1} tenants', rows.length, tenants.length) }))?.destination;
  if (!destination) return undefined;

  if (destination === 'file') {
    const base = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `partner-center-qualifications-${new Date().toISOString().slice(0, 10)}.${spec.ext}`;
    const uri = await vscode.window.showSaveDialog({ title, saveLabel: vscode.l10n.t('Export'), defaultUri: base ? vscode.Uri.joinPath(base, name) : undefined, filters: { [spec.label]: [spec.ext] } });
    if (!uri) return undefined;
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    const open = l10n.t('Open');
    void showInformation(l10n.t('Exported {0} rows to {1}.', rows.length, plainText(vscode.workspace.asRelativePath(uri))), open)
      .then((pick) => (pick === open ? vscode.window.showTextDocument(uri) : undefined));
    return { format: spec.format, rows: rows.length, tenants: tenants.length, text, uri: uri.toString() };
  }
  const languages = await vscode.languages.getLanguages();
  const doc = await vscode.workspace.openTextDocument({ language: languages.includes(spec.language) ? spec.language : 'plaintext', content: text });
  await vscode.window.showTextDocument(doc, { preview: false });
  return { format: spec.format, rows: rows.length, tenants: tenants.length, text, uri: doc.uri.toString() };
}

/** Copy as Markdown on a tenant row: its qualifications as a small table. */
export async function copyAsMarkdown(tenant: ConfiguredTenant | undefined, store: StatusStore): Promise<string | undefined> {
  if (!tenant) return undefined;
  const text = tenantMarkdown(rowsOf([tenant], store));
  await vscode.env.clipboard.writeText(text);
  flashStatus(l10n.t('Copied {0} as Markdown', plainText(tenant.name ?? tenant.domain ?? tenant.tenantId)), 3000);
  return text;
}
