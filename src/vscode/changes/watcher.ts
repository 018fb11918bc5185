// Watching In Review tenants while the window is open and the user is signed in: the core scheduler, checks
// through the connection's own client, rate gate and batch runner (`Connection.get(false)`: never a prompt),
// answers recorded like a refresh's (so the tree, history and messages follow), state in workspace state.
import * as vscode from 'vscode';
import type { TenantOutcome } from '../../core/batch/batchRunner';
import { Logger } from '../../core/log';
import { CheckResult, WatchScheduler } from '../../core/watch/watchScheduler';
import { Connection } from '../connection/connection';
import { StatusStore } from '../statusStore';
import { CustomersTree } from '../view/tree';
import { ChangeTracker } from './changeTracker';
import { WatchSettings, readWatchSettings } from './settings';

export const WATCH_STATE_KEY = 'partnerCenter.watch.v1';
/** Tenants checked at once by the watcher (it is in no hurry). */
const WATCH_CONCURRENCY = 2;

export function classify(o: TenantOutcome): CheckResult {
  if (o.ok) return 'ok';
  switch (o.error.kind) {
    case 'throttled': return 'throttled';
    case 'network': case 'timeout': return 'offline';
    case 'auth-required': case 'mfa-required': case 'configuration': return 'signed-out';
    default: return 'failed';
  }
}

/** What the watcher does now, for the status bar. */
export interface WatchStatus {
  /** Tenants with a qualification In Review in the current results (those watched). */
  readonly count: number;
  /** Why they are not watched: signed out, or partnerCenter.watch.enabled off. */
  readonly off?: 'signed-out' | 'disabled';
  /** The next check (epoch ms) while watching. */
  readonly next?: number;
}

export class Watcher implements vscode.Disposable {
  scheduler?: WatchScheduler;
  private settings?: WatchSettings;
  /** From the last evaluation with something to watch (undefined: not asked yet; asking loads MSAL). */
  private signedIn?: boolean;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Started, stopped, the watched tenants or their next checks changed. */
  readonly onDidChange = this.changed.event;
  private saveTimer?: NodeJS.Timeout;
  private watchTimer?: NodeJS.Timeout;
  private evaluating?: Promise<void>;
  private again = false;
  private testIntervalMs?: number;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly state: vscode.Memento,
    private readonly connection: Connection,
    private readonly store: StatusStore,
    private readonly tree: CustomersTree,
    private readonly tracker: ChangeTracker,
    private readonly logger: Logger,
    private readonly development: boolean,
  ) {
    this.subscriptions.push(
      // a refresh (or any answer) counts as a check: the next watch check is an interval away
      store.onDidRecord((r) => this.scheduler?.checked(r.tenantId, r.result !== undefined)),
      store.onDidChange(() => this.watchSoon()),
    );
  }

  get running(): boolean {
    return this.scheduler?.running ?? false;
  }

  /** Read from the current results, not from the copy the scheduler took on the last (debounced) update. */
  status(): WatchStatus {
    this.updateWatched();
    const s = this.scheduler;
    const count = s?.watched.length ?? 0;
    if (!s || !count) return { count };
    if (s.running) return { count, next: nextCheck(s) };
    if (this.settings && !this.settings.enabled) return { count, off: 'disabled' };
    return this.signedIn === false ? { count, off: 'signed-out' } : { count };
  }

  /** Test hook: a shorter interval (honoured only when the extension runs from source, as tests do). */
  setIntervalForTests(ms: number | undefined): Promise<void> {
    this.testIntervalMs = ms;
    return this.evaluate();
  }

  /** Starts, stops or rebuilds the scheduler from settings and the sign-in state (never prompts). */
  evaluate(): Promise<void> {
    if (this.evaluating) {
      this.again = true;
      return this.evaluating;
    }
    this.evaluating = this.doEvaluate().finally(() => {
      this.evaluating = undefined;
      if (this.again) { this.again = false; void this.evaluate(); }
    });
    return this.evaluating;
  }

  private async doEvaluate(): Promise<void> {
    const s = readWatchSettings(this.development, this.testIntervalMs);
    if (!this.scheduler || this.settings?.intervalMs !== s.intervalMs || this.settings.maxChecksPerMinute !== s.maxChecksPerMinute) {
      const saved = this.scheduler?.toJSON() ?? this.state.get(WATCH_STATE_KEY);
      this.scheduler?.stop();
      this.scheduler = new WatchScheduler({
        intervalMs: s.intervalMs,
        maxChecksPerMinute: s.maxChecksPerMinute,
        check: (ids, signal) => this.check(ids, signal),
        save: () => { this.saveSoon(); this.changed.fire(); },
        onStopped: () => this.logger.info('watch: stopped, not signed in'),
      }, saved);
    }
    this.settings = s;
    this.updateWatched();
    if (s.enabled && this.scheduler.watched.length > 0) this.signedIn = await this.connection.isSignedIn();
    const wanted = s.enabled && this.scheduler.watched.length > 0 && this.signedIn === true;
    if (wanted && !this.scheduler.running) {
      this.scheduler.start();
      this.logger.info(`watch: ${this.scheduler.watched.length} tenant(s) in review, checked every ${Math.round(s.intervalMs / 60_000 * 10) / 10} min, at most ${s.maxChecksPerMinute}/min`);
    } else if (!wanted && this.scheduler.running) {
      this.scheduler.stop();
      this.logger.info('watch: stopped');
    }
    this.changed.fire();
  }

  /** Tenants with a qualification In Review (configured in this window). */
  private updateWatched(): void {
    if (!this.scheduler) return;
    const ids = this.tree.tenantIds.filter((id) => this.store.book.get(id)?.lastGood?.qualifications.some((q) => q.status === 'InReview'));
    const wasEmpty = this.scheduler.watched.length === 0;
    this.scheduler.watch(ids, (id) => this.store.book.get(id)?.lastGood?.checkedAt);
    // a first In Review tenant (or the last one gone) may start or stop the scheduler
    if (wasEmpty !== (this.scheduler.watched.length === 0)) void this.evaluate();
  }

  private watchSoon(): void {
    this.watchTimer ??= setTimeout(() => { this.watchTimer = undefined; this.updateWatched(); }, 250);
  }

  private async check(tenantIds: readonly string[], signal: AbortSignal): Promise<ReadonlyMap<string, CheckResult>> {
    const all = (r: CheckResult) => new Map(tenantIds.map((id) => [id, r]));
    let live;
    try {
      live = await this.connection.get(false);
    } catch {
      return all('signed-out');
    }
    if (!(await this.connection.isSignedIn())) return all('signed-out');
    const results = new Map<string, CheckResult>();
    this.tracker.begin('watch');
    // a rebuild lets the round finish on its connection; sign-out stops it
    const release = live.hold();
    try {
      await live.runner.run(tenantIds, {
        concurrency: WATCH_CONCURRENCY,
        signal: AbortSignal.any([signal, live.signal]),
        onOutcome: (o) => {
          this.store.record(o);
          results.set(o.tenantId, classify(o));
        },
      });
      this.tree.refreshSoon();
      const counts = [...results.values()].reduce<Record<string, number>>((c, r) => ((c[r] = (c[r] ?? 0) + 1), c), {});
      this.logger.info(`watch: checked ${tenantIds.length} tenant(s): ${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ') || 'cancelled'}`);
    } finally {
      release();
      await this.store.flush();
      this.tracker.end();
    }
    return results;
  }

  private saveSoon(): void {
    this.saveTimer ??= setTimeout(() => void this.save(), 2000);
  }

  async save(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (this.scheduler) await this.state.update(WATCH_STATE_KEY, this.scheduler.toJSON());
  }

  dispose(): void {
    this.scheduler?.stop();
    if (this.watchTimer) clearTimeout(this.watchTimer);
    void this.save();
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}

/** The earliest next check, or the end of a pause (429 back-off, no network) when later. */
function nextCheck(s: WatchScheduler): number | undefined {
  let next = Infinity;
  for (const id of s.watched) next = Math.min(next, s.nextCheck(id) ?? Infinity);
  return Number.isFinite(next) ? Math.max(next, s.pausedUntilTime) : undefined;
}
