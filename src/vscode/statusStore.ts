// The tenant status book, remembered in workspace state across restarts, with change events that carry
// the tenants that changed (for the tree and the decorations).
import * as vscode from 'vscode';
import type { TenantOutcome } from '../core/batch/batchRunner';
import { TenantFailure, TenantStatus, TenantStatusBook } from '../core/model/tenantStatus';
import { QualificationsResult } from '../core/model/qualification';

/** One answer as it is recorded: the good answer before it (to compare with), and the answer or the failure. */
export interface Recorded {
  readonly tenantId: string;
  readonly previous?: QualificationsResult;
  readonly result?: QualificationsResult;
  readonly failure?: TenantFailure;
}

const KEY = 'partnerCenter.tenantStatus.v1';

export class StatusStore implements vscode.Disposable {
  readonly book: TenantStatusBook;
  private readonly changed = new vscode.EventEmitter<readonly string[]>();
  readonly onDidChange = this.changed.event;
  private readonly recorded = new vscode.EventEmitter<Recorded>();
  /** Every answer and failure, as recorded (the changes feature compares answers). */
  readonly onDidRecord = this.recorded.event;
  private saveTimer?: NodeJS.Timeout;

  constructor(private readonly state: vscode.Memento) {
    this.book = TenantStatusBook.fromJSON(state.get(KEY));
  }

  succeeded(result: QualificationsResult): void {
    const previous = this.book.get(result.tenantId)?.lastGood;
    this.book.succeeded(result);
    this.recorded.fire({ tenantId: result.tenantId, previous, result });
    this.touch([result.tenantId]);
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

  /** Writes now (end of a batch, deactivation). */
  async flush(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    await this.state.update(KEY, this.book.toJSON());
  }

  private touch(ids: string[]): void {
    this.changed.fire(ids);
    // batch writes while results stream in
    this.saveTimer ??= setTimeout(() => void this.flush(), 500);
  }

  dispose(): void {
    void this.flush();
    this.changed.dispose();
    this.recorded.dispose();
  }
}
