// A customer's vetting that moves over time, as Partner Center's does (a request starts In Review and days
// later becomes Approved or Denied): a script of steps, each taking effect after N requests for the customer
// or T ms after the timeline started (when it was set, at the first request, or at the first sign-in).

export interface TimelineStep {
  /** Takes effect from the request after the first `afterRequests` ones (counted from the timeline's start). */
  readonly afterRequests?: number;
  /** Takes effect this long after the timeline's start. */
  readonly afterMs?: number;
  /** The vettingStatus the service sends from then on (e.g. "Approved", "Denied"). */
  readonly status: string;
  readonly reason?: string;
}

export interface VettingTimeline {
  /** The qualification that changes (e.g. "Education"); added when the customer does not have it yet. */
  readonly qualification: string;
  /** In order; the last step whose condition holds is what the service answers. */
  readonly steps: readonly TimelineStep[];
  /** What starts the clock of `afterMs` (default `set`: when the timeline is given to the simulator). */
  readonly startsOn?: 'set' | 'first-request' | 'sign-in';
}

export class TimelineState {
  private requests = 0;
  private startedAt?: number;

  constructor(readonly timeline: VettingTimeline, now = Date.now()) {
    if ((timeline.startsOn ?? 'set') === 'set') this.startedAt = now;
  }

  /**
   * Counts one request and returns the customer's qualification entries as the service answers now.
   * `signedInAt` is the simulator's first sign-in (for timelines that start on sign-in).
   */
  answer(entries: Record<string, unknown>[], now: number, signedInAt: number | undefined): Record<string, unknown>[] {
    const t = this.timeline;
    if (this.startedAt === undefined && t.startsOn === 'first-request') this.startedAt = now;
    if (this.startedAt === undefined && t.startsOn === 'sign-in' && signedInAt !== undefined) this.startedAt = signedInAt;
    this.requests++;
    let step: TimelineStep | undefined;
    for (const s of t.steps) {
      const byCount = s.afterRequests !== undefined && this.requests > s.afterRequests;
      const byTime = s.afterMs !== undefined && this.startedAt !== undefined && now - this.startedAt >= s.afterMs;
      if (byCount || byTime || (s.afterRequests === undefined && s.afterMs === undefined)) step = s;
    }
    if (!step) return entries;
    const name = t.qualification.toLowerCase();
    const entry = (old?: Record<string, unknown>) => ({
      qualification: t.qualification,
      vettingStatus: step.status,
      ...(step.reason ? { vettingReason: step.reason } : {}),
      vettingCreateDate: typeof old?.vettingCreateDate === 'string' ? old.vettingCreateDate : new Date(this.startedAt ?? now).toISOString(),
    });
    const i = entries.findIndex((e) => String(e.qualification ?? e.Qualification ?? '').toLowerCase() === name);
    return i < 0 ? [...entries, entry()] : entries.map((e, j) => (j === i ? entry(e) : e));
  }
}
