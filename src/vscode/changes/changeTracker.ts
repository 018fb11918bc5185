// The vetting history of this workspace, fed by every recorded answer (refresh, watch, look-up), kept in
// workspace state. Collects the changes of each batch for one message, and marks the rows changed since the
// last refresh started (until the next refresh).
import * as vscode from 'vscode';
import { VettingChange, VettingHistory } from '../../core/history/vettingHistory';
import { Recorded, StatusStore } from '../statusStore';

export const HISTORY_KEY = 'partnerCenter.vettingHistory';

export type BatchKind = 'refresh' | 'watch';

export interface Collected {
  /** 'watch' when only the watcher's checks found them. */
  readonly kind: BatchKind;
  readonly changes: readonly VettingChange[];
}

const mark = (tenantId: string, qualification: string) => `${tenantId.toLowerCase()}\n${qualification.toLowerCase()}`;

export class ChangeTracker implements vscode.Disposable {
  readonly history: VettingHistory;
  private readonly marked = new Set<string>();
  private pending: VettingChange[] = [];
  private readonly kinds = new Set<BatchKind>();
  private depth = 0;
  private loose?: NodeJS.Timeout;
  private saveTimer?: NodeJS.Timeout;
  private deniedUnseen = false;
  private readonly collected = new vscode.EventEmitter<Collected>();
  /** The changes of a finished batch (none: not fired). */
  readonly onDidCollect = this.collected.event;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Marks or the "denied since you last looked" flag changed. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  /** `looking`: the Customers view is on screen (a denial arriving then is seen as it arrives). */
  constructor(private readonly state: vscode.Memento, store: StatusStore, private readonly looking: () => boolean = () => false) {
    this.history = VettingHistory.fromJSON(state.get(HISTORY_KEY));
    this.subscription = store.onDidRecord((r) => this.record(r));
  }

  /** A refresh starts: its changes replace the marks of the last one. */
  begin(kind: BatchKind): void {
    if (kind === 'refresh' && this.marked.size) {
      this.marked.clear();
      this.changed.fire();
    }
    this.depth++;
    this.kinds.add(kind);
  }

  end(): void {
    this.depth = Math.max(0, this.depth - 1);
    if (this.depth === 0) this.emit();
  }

  isMarked(tenantId: string, qualification: string): boolean {
    return this.marked.has(mark(tenantId, qualification));
  }

  get markedCount(): number {
    return this.marked.size;
  }

  /** Something turned Denied while the view was off screen, and the view has not shown since. */
  get hasUnseenDenied(): boolean {
    return this.deniedUnseen;
  }

  seen(): void {
    if (!this.deniedUnseen) return;
    this.deniedUnseen = false;
    this.changed.fire();
  }

  /** Writes the history now (end of a batch, shutdown). */
  async flush(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    await this.state.update(HISTORY_KEY, this.history.toJSON());
  }

  private record(r: Recorded): void {
    if (!r.result) return; // a failure is not a change
    // no baseline yet (first run after an update): the answer remembered from before is one
    if (!this.history.has(r.tenantId) && r.previous) this.history.observe(r.previous);
    const found = this.history.observe(r.result);
    this.saveTimer ??= setTimeout(() => void this.flush(), 1000);
    if (!found.length) return;
    for (const c of found) this.marked.add(mark(c.tenantId, c.qualification));
    if (found.some((c) => c.to === 'Denied') && !this.looking()) this.deniedUnseen = true;
    this.pending.push(...found);
    this.changed.fire();
    // an answer outside any batch (a look-up): announced on its own
    if (this.depth === 0) this.loose ??= setTimeout(() => { this.loose = undefined; if (this.depth === 0) this.emit(); }, 0);
  }

  private emit(): void {
    const changes = this.pending;
    const kind: BatchKind = this.kinds.has('refresh') || this.kinds.size === 0 ? 'refresh' : 'watch';
    this.pending = [];
    this.kinds.clear();
    void this.flush();
    if (changes.length) this.collected.fire({ kind, changes });
  }

  dispose(): void {
    if (this.loose) clearTimeout(this.loose);
    void this.flush();
    this.subscription.dispose();
    this.collected.dispose();
    this.changed.dispose();
  }
}
