// The tenant status book, remembered in workspace state across restarts, with change events that carry
// the tenants that changed (for the tree and the decorations). Saved in shards: a write during a refresh
// rewrites the few shards whose tenants changed, coalesced once a second.
import * as vscode from 'vscode';
import type { TenantOutcome } from '../core/batch/batchRunner';
import { STATUS_SHARDS, TenantFailure, TenantStatus, TenantStatusBook, shardOf } from '../core/model/tenantStatus';
import { QualificationsResult } from '../core/model/qualification';
import type { Logger } from '../core/log';

/** One answer as it is recorded: the good answer before it (to compare with), and the answer or the failure. */
export interface Recorded {
  readonly tenantId: string;
  readonly previous?: QualificationsResult;
  readonly result?: QualificationsResult;
  readonly failure?: TenantFailure;
}

/** The whole book in one value (up to 0.3): read once, then saved in shards and removed. */
const LEGACY_KEY = 'partnerCenter.tenantStatus.v1';
/** Present once the book is saved in shards (its value: the number of shards). */
const SHARDED_KEY = 'partnerCenter.tenantStatus.v2';
const shardKey = (n: number) => `${SHARDED_KEY}.${n}`;
const SAVE_DELAY_MS = 1000;

export class StatusStore implements vscode.Disposable {
  readonly book: TenantStatusBook;
  private readonly changed = new vscode.EventEmitter<readonly string[]>();
  readonly onDidChange = this.changed.event;
  private readonly recorded = new vscode.EventEmitter<Recorded>();
  /** Every answer and failure, as recorded (the changes feature compares answers). */
  readonly onDidRecord = this.recorded.event;
  private saveTimer?: NodeJS.Timeout;
  private readonly dirty = new Set<number>();
  private migrated = false;

  constructor(private readonly state: vscode.Memento, private readonly logger?: Logger) {
    let drops = 0;
    const lines: string[] = [];
    const dropped = (id: string, why: string) => {
      // one line per entry for the first few, then a count: a corrupted book of 100,000 does not flood the log
      if (++drops <= 20) lines.push(`saved status of tenant ${id} dropped: ${why}`);
    };
    this.book = new TenantStatusBook();
    if (state.get(SHARDED_KEY) === STATUS_SHARDS) {
      for (let n = 0; n < STATUS_SHARDS; n++) this.book.load(state.get(shardKey(n)), dropped);
    } else {
      this.book.load(state.get(LEGACY_KEY), dropped);
      this.migrated = true;
      for (let n = 0; n < STATUS_SHARDS; n++) this.dirty.add(n);
    }
    if (drops > 20) lines.push(`saved status: ${drops} entries dropped in all`);
    // logged once activation has built the rest (the log names tenants through the tree)
    if (lines.length) queueMicrotask(() => lines.forEach((l) => logger?.warn(l)));
  }

  /** Records an answer unless a newer one is recorded already (see TenantStatusBook.succeeded). */
  succeeded(result: QualificationsResult): boolean {
    const previous = this.book.get(result.tenantId)?.lastGood;
    if (!this.book.succeeded(result)) {
      this.logger?.debug(`tenant ${result.tenantId}: an answer to an older request came late; the newer one stays`);
      return false;
    }
    this.recorded.fire({ tenantId: result.tenantId, previous, result });
    this.touch([result.tenantId]);
    return true;
  }

  failed(tenantId: string, failure: TenantFailure): void {
    this.book.failed(tenantId, failure);
    this.recorded.fire({ tenantId, failure });
    this.touch([tenantId]);
  }

  /** Every known answer is now from before sign-out (until refreshed). */
  markSignedOut(): void {
    const ids = this.book.markSignedOut();
    if (ids.length) this.touch(ids);
  }

  /** A batch outcome (refresh or watch): the answer, or the failure with the ids support asks for. */
  record(o: TenantOutcome): void {
    if (o.ok) this.succeeded(o.result);
    else this.failed(o.tenantId, { kind: o.error.kind, message: o.error.message, at: Date.now(), requestId: o.error.requestId, correlationId: o.error.correlationId });
  }

  forget(tenantId: string): void {
    this.book.forget(tenantId);
    this.touch([tenantId]);
  }

  restore(tenantId: string, status: TenantStatus): void {
    this.book.restore(tenantId, status);
    this.touch([tenantId]);
  }

  /** Drops tenants no longer listed after the grace period (see TenantStatusBook.prune). */
  prune(listed: Iterable<string>): void {
    const dropped = this.book.prune(listed);
    if (!dropped.length) return;
    this.logger?.info(`status: ${dropped.length} tenant(s) no longer listed forgotten`);
    this.touch(dropped);
  }

  /** Writes the changed shards now (end of a batch, deactivation). */
  async flush(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const shards = [...this.dirty];
    this.dirty.clear();
    const writes = shards.map((n) => {
      const ids = this.book.shard(n);
      return this.state.update(shardKey(n), ids.length ? this.book.saved(ids) : undefined);
    });
    if (this.migrated) {
      this.migrated = false;
      writes.push(this.state.update(SHARDED_KEY, STATUS_SHARDS), this.state.update(LEGACY_KEY, undefined));
    }
    await Promise.all(writes);
  }

  private touch(ids: readonly string[]): void {
    this.changed.fire(ids);
    for (const id of ids) this.dirty.add(shardOf(id));
    // batch writes while results stream in
    this.saveTimer ??= setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  dispose(): void {
    void this.flush();
    this.changed.dispose();
    this.recorded.dispose();
  }
}
