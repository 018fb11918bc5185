// Requesting a qualification (POST /v1/customers/{id}/qualifications): the three kinds a partner can ask for,
// their bodies as the service documents them, and the rules the service applies, checked before sending
// so the user hears "why not" without a round trip. None and Nonprofit cannot be set.
import { Qualification } from '../model/qualification';
import { ValidationCode } from './validationCodes';

export const REQUESTABLE = ['Education', 'StateOwnedEntity', 'GovernmentCommunityCloud'] as const;
export type RequestableQualification = (typeof REQUESTABLE)[number];

export const EDUCATION_SEGMENTS = ['K12', 'HigherEducation'] as const;
export type EducationSegment = (typeof EDUCATION_SEGMENTS)[number];

export type QualificationRequest =
  | { readonly qualification: 'Education'; readonly educationSegment: EducationSegment; readonly website: string }
  | { readonly qualification: 'StateOwnedEntity' }
  | { readonly qualification: 'GovernmentCommunityCloud'; readonly validationCode: string };

/** The JSON body the service expects, field for field. */
export function requestBody(r: QualificationRequest): Record<string, string> {
  switch (r.qualification) {
    case 'Education': return { qualification: 'Education', educationSegment: r.educationSegment, website: r.website.trim() };
    case 'StateOwnedEntity': return { qualification: 'StateOwnedEntity' };
    case 'GovernmentCommunityCloud': return { qualification: 'GovernmentCommunityCloud', validationCode: r.validationCode.trim() };
    // a kind from outside the type (a tool, an old caller) goes out as named: the service judges it
    default: return { qualification: String((r as { qualification?: unknown }).qualification) };
  }
}

/** The query string of the POST: GCC also carries its code as `?code=`. */
export function requestQuery(r: QualificationRequest): string {
  return r.qualification === 'GovernmentCommunityCloud' ? `?code=${encodeURIComponent(r.validationCode.trim())}` : '';
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
/** Denied can be asked for again; anything else (approved, in review, held, unknown) counts as held. */
const holds = (held: readonly Qualification[], name: string) => held.find((q) => same(q.name, name) && q.status !== 'Denied');

export interface Availability {
  readonly qualification: RequestableQualification;
  readonly available: boolean;
  /** Why not, in one sentence (undefined when available). */
  readonly reason?: string;
  /** Short forms of the reason for narrow places: the status it is held with, or the kind it excludes. */
  readonly heldAs?: string;
  readonly excludedBy?: RequestableQualification;
}

/** Which kinds this customer can be asked for, given what it holds (Education and GCC exclude each other). */
export function availability(held: readonly Qualification[]): Availability[] {
  return REQUESTABLE.map((qualification) => {
    const has = holds(held, qualification);
    const heldAs = has && (has.status === 'NotVetted' ? 'held' : has.rawStatus ?? has.status);
    if (has) return { qualification, available: false, heldAs, reason: `The customer already holds ${qualification} (${heldAs}).` };
    const other: RequestableQualification | undefined = qualification === 'Education' ? 'GovernmentCommunityCloud' : qualification === 'GovernmentCommunityCloud' ? 'Education' : undefined;
    const excluded = other ? holds(held, other) : undefined;
    // the reason leads with what matters: a quick pick shows about 60 characters of it
    if (excluded) return { qualification, available: false, excludedBy: other, reason: `Not with ${other}, which the customer holds (the two exclude each other).` };
    return { qualification, available: true };
  });
}

const HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** A website as the service takes it: a host name ("example.edu") or an http(s) URL of one. */
export function websiteProblem(website: string): string | undefined {
  const w = website.trim();
  if (!w) return 'Enter the school\'s website, e.g. example.edu.';
  let host = w;
  if (/^https?:\/\//i.test(w)) {
    try { host = new URL(w).hostname; } catch { return `"${w.slice(0, 80)}" is not a valid web address.`; }
  } else if (/[/\s]/.test(w)) {
    return `"${w.slice(0, 80)}" is not a host name such as example.edu.`;
  }
  return HOST.test(host) ? undefined : `"${w.slice(0, 80)}" is not a host name such as example.edu.`;
}

/** A validation code is usable when it is one of the partner's and has creates left. */
export function validationCodeProblem(code: string, codes: readonly ValidationCode[]): string | undefined {
  const c = codes.find((v) => same(v.validationId, code.trim()));
  if (!c) return `The validation code ${code.trim() || '(empty)'} is not one of your partner account's GCC validation codes.`;
  if (c.remainingCreates !== undefined && c.remainingCreates <= 0) return `The validation code of ${c.organizationName ?? c.validationId} has no creates left.`;
  return undefined;
}

/**
 * Every reason the request would be refused, [] when it may be sent. `codes` is needed for GCC
 * (the partner's validation codes from GET /v1/customers/all/validations).
 */
export function requestProblems(r: QualificationRequest, held: readonly Qualification[], codes?: readonly ValidationCode[]): string[] {
  const problems: string[] = [];
  const kind = (r as { qualification?: string }).qualification;
  if (!REQUESTABLE.includes(kind as RequestableQualification)) return [`${String(kind)} cannot be requested; only ${REQUESTABLE.join(', ')} can.`];
  const a = availability(held).find((x) => x.qualification === kind);
  if (a && !a.available) problems.push(a.reason!);
  if (r.qualification === 'Education') {
    if (!EDUCATION_SEGMENTS.includes(r.educationSegment)) problems.push(`The education segment must be ${EDUCATION_SEGMENTS.join(' or ')}.`);
    const w = websiteProblem(r.website ?? '');
    if (w) problems.push(w);
  }
  if (r.qualification === 'GovernmentCommunityCloud') {
    const c = validationCodeProblem(r.validationCode ?? '', codes ?? []);
    if (c) problems.push(c);
  }
  return problems;
}

/** One line naming exactly what goes out, for the confirmation and the log. */
export function describeRequest(r: QualificationRequest): string {
  switch (r.qualification) {
    case 'Education': return `Education, segment ${r.educationSegment}, website ${r.website.trim()}`;
    case 'StateOwnedEntity': return 'StateOwnedEntity';
    case 'GovernmentCommunityCloud': return `GovernmentCommunityCloud with validation code ${r.validationCode.trim()}`;
    default: return String((r as { qualification?: unknown }).qualification);
  }
}

/**
 * What the tenant holds once the service accepted a request: the answer replaces an entry of the same
 * name (a Denied one asked for again) and "no qualification" disappears. The service's answer, never a guess.
 */
export function withRequested(held: readonly Qualification[], answer: Qualification): Qualification[] {
  return [...held.filter((q) => !same(q.name, answer.name)), answer];
}

/**
 * After a request whose answer was lost: the qualification the service now holds that the request created,
 * or undefined when the read shows nothing new (absent, or the same entry as before the request).
 */
export function landedRequest(before: readonly Qualification[], after: readonly Qualification[], kind: string): Qualification | undefined {
  const now = after.find((q) => same(q.name, kind));
  if (!now) return undefined;
  const was = before.find((q) => same(q.name, kind));
  return !was || was.status !== now.status || was.createdAt !== now.createdAt ? now : undefined;
}
