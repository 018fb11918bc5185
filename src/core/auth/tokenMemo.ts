// Hands out the current access token while it stays valid, without a trip through MSAL and its cache
// plugin (which reads and parses the whole cache from the secret store on every access). Measured: that
// trip, serialized for cache safety, was the bottleneck of a concurrent refresh.
import { abortError } from '../abort';
import type { TokenRequest } from '../client/tokenProvider';
import type { Serial } from './serial';

export interface AcquiredToken {
  readonly accessToken: string;
  readonly expiresOn: Date | null;
}

export class TokenMemo {
  private token?: { readonly value: string; readonly expiresAt: number };
  /** The forced refresh under way: concurrent 401s share it. */
  private forcing?: Promise<string>;

  /** `marginMs`: a token this close to expiry is renewed through MSAL instead. */
  constructor(private readonly marginMs = 5 * 60_000, private readonly now: () => number = Date.now) {}

  get(): string | undefined {
    return this.token && this.token.expiresAt - this.marginMs > this.now() ? this.token.value : undefined;
  }

  set(value: string, expiresOn: Date | null | undefined): void {
    this.token = expiresOn ? { value, expiresAt: expiresOn.getTime() } : undefined;
  }

  clear(): void {
    this.token = undefined;
  }

  /**
   * The remembered token, or a new one from `acquire` run through `serial` (concurrent callers then share
   * one MSAL call: the second finds the token the first remembered). `forceRefresh` skips the memory, once
   * for everyone: callers whose token was refused together join one refresh, and a caller whose refused
   * token was already replaced takes the replacement.
   */
  async obtain(request: TokenRequest, serial: Serial, acquire: (forceRefresh: boolean) => Promise<AcquiredToken>): Promise<string> {
    const force = request.forceRefresh === true;
    if (!force) {
      const current = this.get();
      if (current) return current;
    } else {
      const replaced = this.replacing(request.refused);
      if (replaced) return replaced;
      if (this.forcing) return untilAborted(this.forcing, request.signal); // a joiner's cancel ends its own wait
    }
    const run = serial.run(async () => {
      const fresh = force ? this.replacing(request.refused) : this.get();
      if (fresh) return fresh;
      if (request.signal?.aborted) throw abortError(request.signal);
      if (force) this.clear();
      const result = await acquire(force);
      this.set(result.accessToken, result.expiresOn);
      return result.accessToken;
    });
    if (!force) return run;
    this.forcing = run;
    const done = () => { if (this.forcing === run) this.forcing = undefined; };
    run.then(done, done);
    return run;
  }

  /** A valid remembered token other than the one the service refused (someone refreshed since). */
  private replacing(refused: string | undefined): string | undefined {
    const current = this.get();
    return refused !== undefined && current !== undefined && current !== refused ? current : undefined;
  }
}

function untilAborted<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(abortError(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then((v) => { signal.removeEventListener('abort', onAbort); resolve(v); }, (e: unknown) => { signal.removeEventListener('abort', onAbort); reject(e); });
  });
}
