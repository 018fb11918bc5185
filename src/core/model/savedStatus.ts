// Reading a saved status entry back: each field checked, service strings capped, so a corrupted or foreign
// value (a `null` in `qualifications`, a number for a message) is dropped with its reason instead of reaching
// the tree, the status bar or the history.
import type { PartnerCenterErrorKind } from '../client/errors';
import { Qualification, QualificationsResult } from './qualification';
import type { TenantFailure, TenantStatus } from './tenantStatus';

/** Longest service text kept (a name, a reason, a message): the rest is cut where it is stored. */
export const MAX_STORED_TEXT = 1_000;
/** Most qualifications kept per tenant (Partner Center knows four kinds). */
export const MAX_STORED_QUALIFICATIONS = 50;

const STATUSES: ReadonlySet<string> = new Set(['Approved', 'InReview', 'Denied', 'Unknown', 'NotVetted']);

export function capText(s: string, max = MAX_STORED_TEXT): string {
  return s.length > max ? s.slice(0, max) : s;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Only the known fields, strings capped, at most MAX_STORED_QUALIFICATIONS: what is stored stays bounded. */
export function boundedResult(r: QualificationsResult): QualificationsResult {
  return {
    tenantId: r.tenantId,
    qualifications: r.qualifications.slice(0, MAX_STORED_QUALIFICATIONS).map(boundedQualification),
    checkedAt: r.checkedAt,
    ...(r.sentAt !== undefined ? { sentAt: r.sentAt } : {}),
    ...(r.requestId !== undefined ? { requestId: capText(r.requestId, 200) } : {}),
    ...(r.correlationId !== undefined ? { correlationId: capText(r.correlationId, 200) } : {}),
  };
}

function boundedQualification(q: Qualification): Qualification {
  return {
    name: capText(q.name), status: q.status,
    ...(q.rawStatus !== undefined ? { rawStatus: capText(q.rawStatus) } : {}),
    ...(q.reason !== undefined ? { reason: capText(q.reason) } : {}),
    ...(q.createdAt !== undefined ? { createdAt: capText(q.createdAt, 100) } : {}),
  };
}

export function boundedFailure(f: TenantFailure): TenantFailure {
  return {
    kind: f.kind, message: capText(f.message), at: f.at,
    ...(f.requestId !== undefined ? { requestId: capText(f.requestId, 200) } : {}),
    ...(f.correlationId !== undefined ? { correlationId: capText(f.correlationId, 200) } : {}),
  };
}

const optionalText = (o: Record<string, unknown>, name: string) => o[name] === undefined || typeof o[name] === 'string';

function readQualification(v: unknown): Qualification | string {
  if (!isObject(v)) return 'a qualification is not an object';
  if (typeof v.name !== 'string') return 'a qualification has no name';
  if (!STATUSES.has(String(v.status))) return `qualification "${capText(v.name, 40)}" has an unknown status`;
  if (!optionalText(v, 'rawStatus') || !optionalText(v, 'reason') || !optionalText(v, 'createdAt')) return 'a qualification has a text field that is not text';
  // most saved entries are within bounds already: kept as they are (a copy of 100,000 entries costs at activation)
  const q = v as unknown as Qualification;
  return withinBounds(q) ? q : boundedQualification(q);
}

function withinBounds(q: Qualification): boolean {
  return q.name.length <= MAX_STORED_TEXT && (q.reason?.length ?? 0) <= MAX_STORED_TEXT && (q.rawStatus?.length ?? 0) <= MAX_STORED_TEXT && (q.createdAt?.length ?? 0) <= 100;
}

function readResult(id: string, v: unknown): QualificationsResult | string {
  if (!isObject(v)) return 'the last answer is not an object';
  if (!Array.isArray(v.qualifications)) return 'the last answer has no qualification list';
  if (!isTime(v.checkedAt)) return 'the last answer has no time';
  if ((v.sentAt !== undefined && !isTime(v.sentAt)) || !optionalText(v, 'requestId') || !optionalText(v, 'correlationId')) return 'the last answer has a field of the wrong type';
  let same = v.tenantId === id && v.qualifications.length <= MAX_STORED_QUALIFICATIONS;
  const qualifications: Qualification[] = [];
  for (const q of v.qualifications) {
    const read = readQualification(q);
    if (typeof read === 'string') return read;
    if (read !== q) same = false;
    qualifications.push(read);
  }
  return same ? (v as unknown as QualificationsResult) : boundedResult({ ...(v as unknown as QualificationsResult), tenantId: id, qualifications });
}

function readFailure(v: unknown): TenantFailure | string {
  if (!isObject(v) || typeof v.kind !== 'string' || typeof v.message !== 'string' || !isTime(v.at)) return 'the last failure is not readable';
  if (!optionalText(v, 'requestId') || !optionalText(v, 'correlationId')) return 'the last failure has a field of the wrong type';
  return boundedFailure({ ...(v as unknown as TenantFailure), kind: v.kind as PartnerCenterErrorKind });
}

/** A saved entry as the book keeps it (marked stale), or why it was dropped. */
export function readSavedStatus(id: string, v: unknown): TenantStatus | string {
  if (!isObject(v)) return 'not an object';
  const lastGood = v.lastGood === undefined ? undefined : readResult(id, v.lastGood);
  if (typeof lastGood === 'string') return lastGood;
  const failure = v.failure === undefined ? undefined : readFailure(v.failure);
  if (typeof failure === 'string') return failure;
  if (!lastGood && !failure) return 'neither an answer nor a failure';
  return { ...(lastGood ? { lastGood } : {}), ...(failure ? { failure } : {}), stale: true };
}
