// Hands out the current access token while it stays valid, without a trip through MSAL and its cache
// plugin (which reads and parses the whole cache from the secret store on every access). Measured: that
// trip, serialized for cache safety, was the bottleneck of a concurrent refresh.
export class TokenMemo {
  private token?: { readonly value: string; readonly expiresAt: number };

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
}
