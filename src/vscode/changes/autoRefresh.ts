// partnerCenter.autoRefresh.hours: when the view opens, tenants last checked longer ago than that are
// refreshed (only when signed in; the refresh uses the one connection, client and rate gate). The hours come
// from user settings only (a workspace may turn it off: settings.ts), and one auto refresh runs at a time:
// showing the view again meanwhile joins it instead of starting a second batch of the same tenants.
import { Connection } from '../connection/connection';
import { Refresher } from '../refresh/refresh';
import { StatusStore } from '../statusStore';
import { CustomersTree } from '../view/tree';
import { readAutoRefreshHours } from './settings';

/** Returns the trigger: it answers how many tenants the auto refresh (started now or already running) checks. */
export function autoRefresher(connection: Connection, refresher: Refresher, store: StatusStore, tree: CustomersTree): () => Promise<number> {
  let running: Promise<number> | undefined;
  const run = async (): Promise<number> => {
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
  };
  return () => (running ??= run().finally(() => (running = undefined)));
}
