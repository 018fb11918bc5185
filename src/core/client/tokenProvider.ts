// What the client needs from sign-in: a bearer token for the cloud's API, refreshed on demand.
export interface TokenRequest {
  readonly signal?: AbortSignal;
  /** Skip the cache (after a 401 the cached token is no good). */
  readonly forceRefresh?: boolean;
}

export interface TokenProvider {
  /** App-only tokens can read but not request qualifications; undefined when not known. */
  readonly signInMode?: 'app' | 'user';
  getToken(request: TokenRequest): Promise<string>;
}
