// A stand-in for vscode.QuickPick that a test drives like a person (type, wait for rows, pick), handed to
// commands that accept a quick-pick factory. The command's own logic (debounce, search, rows) runs as is.
import * as vscode from 'vscode';

export class FakeQuickPick<T extends vscode.QuickPickItem> {
  private rows: readonly T[] = [];
  selectedItems: readonly T[] = [];
  activeItems: readonly T[] = [];
  value = '';
  title?: string;
  placeholder?: string;
  enabled = true;
  ignoreFocusOut = false;
  matchOnDescription = false;
  matchOnDetail = false;
  canSelectMany = false;
  keepScrollPosition = false;
  step?: number;
  totalSteps?: number;
  buttons: readonly vscode.QuickInputButton[] = [];
  shown = false;
  hidden = false;
  /** Every value busy took, in order. */
  readonly busyHistory: boolean[] = [];
  /** When items were last set (performance.now()). */
  itemsSetAt = 0;
  private busyNow = false;
  private readonly accept = new vscode.EventEmitter<void>();
  private readonly hide_ = new vscode.EventEmitter<void>();
  private readonly change = new vscode.EventEmitter<string>();
  private readonly none = new vscode.EventEmitter<never>();
  readonly onDidAccept = this.accept.event;
  readonly onDidHide = this.hide_.event;
  readonly onDidChangeValue = this.change.event;
  readonly onDidChangeActive = this.none.event;
  readonly onDidChangeSelection = this.none.event;
  readonly onDidTriggerButton = this.none.event;
  readonly onDidTriggerItemButton = this.none.event;

  get items(): readonly T[] { return this.rows; }
  set items(rows: readonly T[]) { this.rows = rows; this.itemsSetAt = performance.now(); }

  get busy(): boolean { return this.busyNow; }
  set busy(b: boolean) { this.busyNow = b; this.busyHistory.push(b); }

  show(): void { this.shown = true; }
  hide(): void { if (!this.hidden) { this.hidden = true; this.hide_.fire(); } }
  dispose(): void { this.hide(); }

  /** Types a whole value (one change event), as a paste or the last keystroke does. */
  type(value: string): void {
    this.value = value;
    this.change.fire(value);
  }

  /** Selects the first row matching and presses Enter. */
  pick(match: (item: T) => boolean): T {
    const item = this.items.find(match);
    if (!item) throw new Error(`no row matches; rows: ${this.items.map((i) => i.label).join(' | ')}`);
    this.selectedItems = [item];
    this.accept.fire();
    return item;
  }

  asQuickPick(): vscode.QuickPick<T> {
    return this as unknown as vscode.QuickPick<T>;
  }
}
