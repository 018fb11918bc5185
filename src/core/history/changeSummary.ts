// One message for the changes of a refresh, most important first: a Denied after Approved (the customer loses
// what it had) leads, then other denials, then verdicts on an In Review vetting, then the rest.
import { HistoryStatus, VettingChange } from './vettingHistory';

export type ChangeSeverity = 'warning' | 'information';

export interface NamedChange {
  readonly change: VettingChange;
  /** The customer's name (or its tenant id). */
  readonly customer: string;
}

export interface Wording {
  /** "Approved", "In review", ...; Absent is "not listed". */
  readonly status: (s: HistoryStatus) => string;
  /** The whole message from the count and the joined items, e.g. "2 changes: {items}". */
  readonly message: (count: number, items: string) => string;
}

export const ENGLISH: Wording = {
  status: (s) => ({ Approved: 'Approved', InReview: 'In Review', Denied: 'Denied', Unknown: 'Unknown', NotVetted: 'Held', Absent: 'not listed' })[s],
  message: (count, items) => (count === 1 ? `1 change: ${items}` : `${count} changes: ${items}`),
};

/** Lower is more important. */
export function importance(c: VettingChange): number {
  if (c.to === 'Denied') return c.from === 'Approved' ? 0 : 1;
  if (c.from === 'InReview' && c.to === 'Approved') return 2;
  if (c.to === 'Absent' && c.from === 'Approved') return 3;
  if (c.from === 'InReview') return 4;
  return 5;
}

/** Denied after Approved calls for a warning; anything else (a verdict on In Review included) informs. */
export function severity(changes: readonly VettingChange[]): ChangeSeverity {
  return changes.some((c) => c.to === 'Denied' && c.from === 'Approved') ? 'warning' : 'information';
}

/** A verdict: In Review became Approved or Denied. */
export const isVerdict = (c: VettingChange) => c.from === 'InReview' && (c.to === 'Approved' || c.to === 'Denied');

export function ordered<T extends NamedChange>(changes: readonly T[]): T[] {
  // stable: equal importance keeps the order the answers came in
  return changes.map((c, i) => ({ c, i })).sort((a, b) => importance(a.c.change) - importance(b.c.change) || a.i - b.i).map((x) => x.c);
}

/** "Northwind Traders Education Approved → Denied (Not an Academic Domain)". */
export function describe(n: NamedChange, w: Wording = ENGLISH): string {
  const c = n.change;
  const reason = c.reason && c.to !== 'Absent' ? ` (${c.reason})` : '';
  return `${n.customer} ${c.qualification} ${w.status(c.from)} → ${w.status(c.to)}${reason}`;
}

export interface ChangeSummary {
  readonly text: string;
  readonly severity: ChangeSeverity;
  /** The changes, most important first. */
  readonly changes: readonly NamedChange[];
}

/** Undefined when nothing changed (no message then). */
export function summarize(changes: readonly NamedChange[], w: Wording = ENGLISH): ChangeSummary | undefined {
  if (changes.length === 0) return undefined;
  const list = ordered(changes);
  return { text: w.message(list.length, list.map((c) => describe(c, w)).join('; ')), severity: severity(list.map((c) => c.change)), changes: list };
}
