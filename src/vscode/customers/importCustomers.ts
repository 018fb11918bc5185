// Import Customers: reads the partner's customer list (cancellable progress, "1,500 / 10,000 customers"),
// lets the user choose (multi-select, configured ones marked, select all), and writes the chosen ones as
// { tenantId, name } in one settings edit, where Add Tenant writes. Cancelling writes nothing.
import * as vscode from 'vscode';
import { ShownItem, createPick, showInformation, showWarning, withProgress } from '../display/window';
import { count, l10n } from '../display/l10n';
import { Shown, joinShown, plainText } from '../../core/display/safeText';
import { PartnerCenterError, isPartnerCenterError } from '../../core/client/errors';
import { Customer } from '../../core/model/customer';
import { normalizeTenantId } from '../../core/model/tenantId';
import { abortSignalOf } from '../cancellation';
import { pickFolder, settingAt } from './customersSetting';
import { showFailure } from '../userMessages';
import { CustomersDeps } from './lookUp';

export interface ImportArgs {
  /** Skip the quick pick: every customer read, or these tenant ids. */
  readonly select?: 'all' | readonly string[];
  readonly folder?: vscode.WorkspaceFolder;
  /** Cancel once this many customers were read (scripts, tests: the progress Cancel button as a number). */
  readonly cancelAfter?: number;
}

export interface ImportReport {
  readonly read: number;
  readonly total?: number;
  readonly written: number;
  readonly cancelled: boolean;
  readonly error?: string;
  /** What the user was told: nothing to add, or what was added. */
  readonly message?: string;
}

type CustomerItem = ShownItem & {
  readonly customer?: Customer;
};

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** `check`: fetches the added tenants (the refresh: progress, Cancel, the one budget). */
export async function importCustomers(deps: CustomersDeps, args: ImportArgs = {}, check?: (tenantIds: string[]) => unknown): Promise<ImportReport> {
  let live;
  try {
    live = await deps.connection.get();
  } catch (e) {
    void showFailure(e);
    return { read: 0, written: 0, cancelled: false, error: String((e as Error).message) };
  }
  if (!(await deps.connection.isSignedIn())) {
    void showFailure(new PartnerCenterError('auth-required', vscode.l10n.t('Sign in to Partner Center to import customers.')));
    return { read: 0, written: 0, cancelled: false, error: 'not signed in' };
  }
  const customers: Customer[] = [];
  let total: number | undefined;
  let failure: PartnerCenterError | undefined;
  const cancelled = await withProgress(
    { location: vscode.ProgressLocation.Notification, title: l10n.t('Partner Center: reading customers'), cancellable: true },
    async (progress, token) => {
      const abort = abortSignalOf(token);
      // a rebuild lets the listing finish on its connection; sign-out stops it
      const release = live.hold();
      const stop = () => abort.abort();
      live.signal.addEventListener('abort', stop);
      try {
        for await (const page of live.client.listCustomers({}, { signal: abort.signal })) {
          customers.push(...page.customers);
          // some directories send the page size as totalCount: only a larger number is a total
          if (page.index === 0 && page.totalCount !== undefined && page.totalCount > page.customers.length) total = page.totalCount;
          progress.report({
            message: total ? l10n.t('{0} / {1} customers', count(customers.length), count(total)) : l10n.t('{0} customers', count(customers.length)),
            increment: total ? (100 * page.customers.length) / total : undefined,
          });
          if (args.cancelAfter !== undefined && customers.length >= args.cancelAfter) abort.abort();
        }
        return abort.signal.aborted;
      } catch (e) {
        if (abort.signal.aborted) return true;
        failure = isPartnerCenterError(e) ? e : new PartnerCenterError('network', String((e as Error)?.message ?? e));
        return false;
      } finally {
        live.signal.removeEventListener('abort', stop);
        release();
        abort.dispose();
      }
    },
  );
  if (cancelled) {
    deps.logger.info(`import: cancelled after ${customers.length} customers; nothing written`);
    return { read: customers.length, total, written: 0, cancelled: true };
  }
  deps.directory.learn(customers);
  void deps.directory.flush();
  if (failure) {
    deps.logger.warn(`import: ${failure.message}`);
    if (!customers.length) {
      void showFailure(failure);
      return { read: 0, written: 0, cancelled: false, error: failure.message };
    }
    // what was read stays usable: the user may still import it
    void showWarning(l10n.t('The customer list stopped early: {0} Showing the {1} customers read.', plainText(failure.message), customers.length));
  }
  const configured = new Set(deps.tree.tenantIds);
  // nothing to choose from: say so instead of a list of ticked rows (or nothing at all)
  const nothingNew = (message: Shown): ImportReport => {
    void showInformation(message);
    deps.logger.info(`import: ${message}`);
    return { read: customers.length, total, written: 0, cancelled: false, error: failure?.message, message };
  };
  if (!customers.length) return nothingNew(l10n.t('Partner Center lists no customers for this account.'));
  if (customers.every((c) => configured.has(c.tenantId))) return nothingNew(l10n.t('All {0} customers are already in this workspace.', count(customers.length)));
  const chosen = args.select ? choose(customers, args.select) : await pickCustomers(customers, configured, failure);
  if (!chosen) return { read: customers.length, total, written: 0, cancelled: true, error: failure?.message };
  const fresh = chosen.filter((c) => !configured.has(c.tenantId));
  if (!fresh.length && chosen.length === 1) return nothingNew(l10n.t('{0} is already in this workspace.', plainText(chosen[0]!.companyName ?? chosen[0]!.tenantId)));
  if (!fresh.length && chosen.length) return nothingNew(l10n.t('The {0} customers chosen are already in this workspace.', count(chosen.length)));
  if (!fresh.length) return { read: customers.length, total, written: 0, cancelled: false, error: failure?.message };
  const folder = args.folder ?? (await pickFolder());
  if (folder === null) return { read: customers.length, total, written: 0, cancelled: true, error: failure?.message };
  const { config, target, entries } = settingAt(folder);
  entries.push(...fresh.map((c) => (c.companyName ? { tenantId: c.tenantId, name: c.companyName } : c.tenantId)));
  await config.update('customers', entries, target);
  deps.logger.info(`import: ${fresh.length} of ${customers.length} customers written to the ${folder ? `settings of ${folder.name}` : 'workspace settings'}`);
  const message = fresh.length === 1
    ? l10n.t('Added {0} to the workspace.', plainText(fresh[0]!.companyName ?? fresh[0]!.tenantId))
    : l10n.t('Added {0} customers to the workspace.', count(fresh.length));
  // their rows say "not checked": checking them is one click, through the same refresh (progress, Cancel, budget)
  const checkNow = l10n.t('Check Them Now');
  void showInformation(message, ...(check ? [checkNow] : [])).then((pick) => pick === checkNow && check?.(fresh.map((c) => c.tenantId)));
  return { read: customers.length, total, written: fresh.length, cancelled: false, error: failure?.message, message };
}

function choose(customers: Customer[], select: 'all' | readonly string[]): Customer[] {
  if (select === 'all') return customers;
  const ids = new Set(select.map((s) => normalizeTenantId(s)));
  return customers.filter((c) => ids.has(c.tenantId));
}

async function pickCustomers(customers: Customer[], configured: ReadonlySet<string>, failure?: PartnerCenterError): Promise<Customer[] | undefined> {
  const qp = createPick<CustomerItem>();
  qp.canSelectMany = true;
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.ignoreFocusOut = true;
  const fresh = customers.filter((c) => !configured.has(c.tenantId)).length;
  qp.title = l10n.t('Partner Center: Import Customers ({0} new of {1})', count(fresh), count(customers.length));
  qp.placeholder = failure
    ? l10n.t('List stopped early ({0})', plainText(failure.kind))
    : l10n.t('Customers to add');
  const sorted = [...customers].sort((a, b) => collator.compare(a.companyName ?? a.tenantId, b.companyName ?? b.tenantId));
  const item = (customer: Customer): CustomerItem => ({
    customer,
    label: plainText(customer.companyName ?? customer.tenantId),
    // said on the row too: a filter can hide the heading
    description: joinShown([customer.domain && plainText(customer.domain), configured.has(customer.tenantId) && l10n.t('already in the workspace')], ' · '),
    detail: plainText(customer.tenantId),
  });
  const listed = sorted.filter((c) => configured.has(c.tenantId));
  // the new ones first, the ones already listed under their own heading (choosing them again adds nothing)
  qp.items = [
    ...sorted.filter((c) => !configured.has(c.tenantId)).map(item),
    ...(listed.length ? [{ label: l10n.t('Already in this workspace'), kind: vscode.QuickPickItemKind.Separator }, ...listed.map(item)] : []),
  ];
  qp.show();
  return new Promise((resolve) => {
    qp.onDidAccept(() => { resolve(qp.selectedItems.flatMap((i) => (i.customer ? [i.customer] : []))); qp.hide(); });
    qp.onDidHide(() => { resolve(undefined); qp.dispose(); });
  });
}
