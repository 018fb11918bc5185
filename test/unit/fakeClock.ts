// A clock the test moves by hand: sleeps resolve only when advance() passes their time.
import { abortError } from '../../src/core/abort';
import { Clock } from '../../src/core/batch/rateGate';

interface Timer { at: number; resolve(): void }

export class FakeClock implements Clock {
  private t = 0;
  private timers: Timer[] = [];

  now(): number {
    return this.t;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortError(signal));
      const timer: Timer = { at: this.t + ms, resolve: () => { signal?.removeEventListener('abort', onAbort); resolve(); } };
      const onAbort = () => { this.timers = this.timers.filter((x) => x !== timer); reject(abortError(signal!)); };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.timers.push(timer);
    });
  }

  /** Moves time forward, firing each due sleep at its own time and letting its continuation run. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    await settle();
    for (;;) {
      const due = this.timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((x) => x !== due);
      this.t = Math.max(this.t, due.at);
      due.resolve();
      await settle();
    }
    this.t = end;
    await settle();
  }
}

/** Lets every pending promise continuation run (the gate does nothing on real timers under a fake clock). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
}
