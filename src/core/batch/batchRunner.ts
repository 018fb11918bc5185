// Fetches many tenants: bounded concurrency, one correlation id per batch, per-tenant isolation (a failure
// is a result, never a stop), cancellation that keeps what finished, results streamed as they arrive,
// and one request per tenant even when several batches ask for it at once.
import { randomUUID } from 'crypto';
import { abortError, isAbort } from '../abort';
import { PartnerCenterError } from '../client/errors';
import { CallOptions } from '../client/partnerCenterClient';
import { toPartnerCenterError } from '../client/partnerCenterClient';
import { QualificationsResult } from '../model/qualification';

export type TenantOutcome =
  | { readonly tenantId: string; readonly ok: true; readonly result: QualificationsResult }
  | { readonly tenantId: string; readonly ok: false; readonly error: PartnerCenterError };

export interface QualificationsSource {
  getQualifications(tenantId: string, call: CallOptions): Promise<QualificationsResult>;
}

export interface BatchOptions {
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  readonly correlationId?: string;
  /** Called once per tenant as soon as its outcome is known. */
  readonly onOutcome?: (outcome: TenantOutcome) => void;
}

export interface BatchSummary {
  readonly correlationId: string;
  readonly outcomes: readonly TenantOutcome[];
  /** Tenants never started or cut off by cancellation. */
  readonly cancelled: readonly string[];
}

export const DEFAULT_CONCURRENCY = 8;

/** A fetch several callers wait for: it is aborted only when every one of them has cancelled. */
interface SharedFetch {
  readonly promise: Promise<QualificationsResult>;
  readonly abort: AbortController;
  waiting: number;
}

export class BatchRunner {
  private readonly inFlight = new Map<string, SharedFetch>();

  constructor(private readonly source: QualificationsSource) {}

  /**
   * One fetch per tenant at a time: a second caller for the same tenant joins the first. Each caller's cancel
   * ends its own wait at once; the shared call goes on for the others and stops when nobody waits any more.
   */
  fetchOne(tenantId: string, call: CallOptions): Promise<QualificationsResult> {
    if (call.signal?.aborted) return Promise.reject(abortError(call.signal));
    const key = tenantId.toLowerCase();
    let shared = this.inFlight.get(key);
    if (!shared) {
      const abort = new AbortController();
      const promise = this.source.getQualifications(tenantId, { ...call, signal: abort.signal }).finally(() => {
        if (this.inFlight.get(key) === shared) this.inFlight.delete(key);
      });
      shared = { promise, abort, waiting: 0 };
      this.inFlight.set(key, shared);
    }
    const s = shared;
    s.waiting++;
    return new Promise<QualificationsResult>((resolve, reject) => {
      let left = false;
      const leave = () => {
        if (left) return false;
        left = true;
        call.signal?.removeEventListener('abort', onAbort);
        s.waiting--;
        return true;
      };
      const onAbort = () => {
        if (!leave()) return;
        if (s.waiting === 0) {
          // nobody waits for the answer: stop it, and let a later caller start afresh
          if (this.inFlight.get(key) === s) this.inFlight.delete(key);
          s.abort.abort();
        }
        reject(abortError(call.signal));
      };
      call.signal?.addEventListener('abort', onAbort, { once: true });
      if (call.signal?.aborted) onAbort(); // aborted while the call was being started
      s.promise.then((v) => { if (leave()) resolve(v); }, (e: unknown) => { if (leave()) reject(e); });
    });
  }

  async run(tenantIds: readonly string[], o: BatchOptions = {}): Promise<BatchSummary> {
    const correlationId = o.correlationId ?? randomUUID();
    // read by an index, never shifted: a queue of 100,000 is dequeued in O(1) and drained at once on cancel
    const queue = [...new Set(tenantIds)];
    let next = 0;
    const outcomes: TenantOutcome[] = [];
    const cancelled: string[] = [];
    const concurrency = Math.max(1, Math.floor(o.concurrency ?? DEFAULT_CONCURRENCY));
    const drainCancelled = () => {
      while (next < queue.length) cancelled.push(queue[next++]!);
    };
    const worker = async () => {
      while (next < queue.length) {
        if (o.signal?.aborted) return drainCancelled();
        const tenantId = queue[next++]!;
        let outcome: TenantOutcome;
        try {
          outcome = { tenantId, ok: true, result: await this.fetchOne(tenantId, { signal: o.signal, correlationId }) };
        } catch (e) {
          if (o.signal?.aborted || isAbort(e)) {
            cancelled.push(tenantId);
            continue;
          }
          outcome = { tenantId, ok: false, error: toPartnerCenterError(e, { correlationId }) };
        }
        outcomes.push(outcome);
        o.onOutcome?.(outcome);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
    return { correlationId, outcomes, cancelled };
  }
}
