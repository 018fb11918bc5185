// The simulator's fault catalogue: what can go wrong between a partner and Partner Center, switchable per
// customer or for every call.
export type FaultName =
  | 'latency' // delay the answer by latencyMs
  | 'server-error' // 500/502/503/504 (status)
  | 'request-timeout' // 408
  | 'reset' // drop the connection without an answer
  | 'reset-after-write' // POST: act on the request, then drop the connection without an answer
  | 'hang' // never answer (the client's timeout must fire)
  | 'throttle' // 429 with Retry-After
  | 'malformed-json' // the seed document's own example: trailing comma and // UTC comments
  | 'html-error' // a proxy's HTML error page (502)
  | 'bare-string-error' // 400 with a bare JSON string body
  | 'huge-body' // a 200 body far past any sane cap
  | 'expired-token' // 401: tokens issued before the fault was set are no longer accepted
  | 'mfa-required' // 401 code 900421
  | 'no-relationship' // 403 code 20002
  | 'tenant-not-found' // 404 code 60003
  | 'forbidden-role' // 403 "the supplied role does not have the rights"
  | 'conflict' // 409: the qualification was requested elsewhere since the client last read
  | 'page-without-items' // customer list: a page without its "items"
  | 'next-without-token'; // customer list: a next link without its MS-ContinuationToken header

export interface Fault {
  readonly fault: FaultName;
  /** The first `skip` matching calls pass (e.g. fail the third page of a listing). */
  readonly skip?: number;
  /** Only the first `times` matching calls fail; afterwards the customer answers normally. */
  readonly times?: number;
  /** Share of calls that fail (0..1), chosen at random; default every call. */
  readonly probability?: number;
  readonly status?: number;
  readonly latencyMs?: number;
  /** Retry-After header value for throttle (seconds or an HTTP date). */
  readonly retryAfter?: string;
  /** Only calls of this method (e.g. 'POST': a write fails while reads go through); default every call. */
  readonly method?: 'GET' | 'POST';
  /** The text of a bare-string-error (tests of hostile service text). */
  readonly message?: string;
}

/** The seed document's example, verbatim in spirit: not valid JSON. */
export const SEED_DOCUMENT_BODY = `{
  "qualifications": [
    {
      "qualification": "Education",
      "vettingStatus": "Approved",
      "vettingCreateDate": "2020-12-03T10:37:38.885Z" // UTC
    },
  ]
}`;

export const HTML_ERROR_PAGE =
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>The proxy server received an invalid response from an upstream server.</p></body></html>';

export class FaultState {
  private used = 0;
  private skipped = 0;
  readonly setAt = Date.now();

  constructor(readonly spec: Fault) {}

  /** Whether this call is hit by the fault. */
  fires(random: () => number = Math.random, method = 'GET'): boolean {
    if (this.spec.method !== undefined && this.spec.method !== method) return false;
    if (this.spec.skip !== undefined && this.skipped < this.spec.skip) {
      this.skipped++;
      return false;
    }
    if (this.spec.times !== undefined && this.used >= this.spec.times) return false;
    if (this.spec.probability !== undefined && random() >= this.spec.probability) return false;
    this.used++;
    return true;
  }
}
