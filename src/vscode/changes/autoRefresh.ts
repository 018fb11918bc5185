// partnerCenter.autoRefresh.hours: when the view opens, tenants last checked longer ago than that are
// refreshed (only when signed in; the refresh uses the one connection, client and rate gate).
import { Connection } from '../connection/connection';
import { Refresher } from '../refresh/refresh';
import { StatusStore } from '../statusStore';
import { CustomersTree } from '../view/tree';
import { readAutoRefreshHours } from './settings';

export async function autoRefresh(connection: Connection, refresher: Refresher, store: StatusStore, tree: CustomersTree): Promise<number> {
  const hours = readAutoRefreshHours();
  if (!hours || refresher.isRunning) return 0;
  const before = Date.now() - hours * 3_600_000;
  const due = tree.tenantIds.filter((id) => {
    const s = store.book.get(id);
    return Math.max(s?.lastGood?.checkedAt ?? 0, s?.failure?.at ?? 0) < before;
  });
  if (!due.length || !(await connection.isSignedIn())) return 0;
  await refresher.refreshTenants(due);
  return due.length;
}
