// Search as the user types: waits until typing pauses (the debounce), runs one search at a time (a newer
// query aborts the older one) and reports only the answer to the latest query. No vscode: the look-up
// quick pick and the benchmark drive the same code.
/** How long Look Up waits after the last keystroke before it searches Partner Center. */
export const LOOK_UP_DEBOUNCE_MS = 300;

export interface DebouncedSearchOptions<T> {
  readonly delayMs: number;
  readonly search: (query: string, signal: AbortSignal) => Promise<T>;
  /** Whether a query is worth a search (e.g. at least 2 characters, not a full tenant id). */
  readonly accepts: (query: string) => boolean;
  readonly onBusy: (busy: boolean) => void;
  readonly onResults: (query: string, results: T) => void;
  readonly onError: (query: string, error: unknown) => void;
}

export class DebouncedSearch<T> {
  private timer?: ReturnType<typeof setTimeout>;
  private running?: AbortController;
  /** When the last debounce ended and its search started (performance.now()), for measurements. */
  lastSearchStartedAt?: number;

  constructor(private readonly o: DebouncedSearchOptions<T>) {}

  /** The query changed (a keystroke). */
  set(query: string): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.running?.abort();
    this.running = undefined;
    if (!this.o.accepts(query)) {
      this.o.onBusy(false);
      return;
    }
    this.timer = setTimeout(() => void this.run(query), this.o.delayMs);
  }

  private async run(query: string): Promise<void> {
    this.timer = undefined;
    const ac = new AbortController();
    this.running = ac;
    this.lastSearchStartedAt = performance.now();
    this.o.onBusy(true);
    try {
      const results = await this.o.search(query, ac.signal);
      if (this.running === ac) this.o.onResults(query, results);
    } catch (e) {
      if (this.running === ac && !ac.signal.aborted) this.o.onError(query, e);
    } finally {
      if (this.running === ac) {
        this.running = undefined;
        this.o.onBusy(false);
      }
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.running?.abort();
    this.running = undefined;
  }
}
