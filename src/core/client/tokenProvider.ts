// What the client needs from sign-in: a bearer token for the cloud's API, refreshed on demand.
export interface TokenRequest {
  readonly signal?: AbortSignal;
  /** Skip the cache (after a 401 the cached token is no good). */
  readonly forceRefresh?: boolean;
  /** The token the service refused: when the remembered one is already another, that refresh has happened. */
  readonly refused?: string;
}

export interface TokenProvider {
  /** App-only tokens can read but not request qualifications; undefined when not known. */
  readonly signInMode?: 'app' | 'user';
  getToken(request: TokenRequest): Promise<string>;
}
