// The simulator's side of POST /v1/customers/{id}/qualifications, checked as the service does: a known
// kind (None and Nonprofit cannot be set), segment and website for Education, one of the partner's
// validation codes with creates left for GCC, 409 when held or excluded (Education and GCC). The new entry
// starts InReview (StateOwnedEntity is held without vetting) and is stored on the customer, so later reads
// (and any vetting timeline) see it.

export interface SimulatedValidation {
  readonly validationId: string;
  readonly organizationName: string;
  readonly maxCreates: number;
  remainingCreates: number;
}

/** Two codes: one with creates left, one used up (for the "none left" path). */
export function demoValidations(): SimulatedValidation[] {
  return [
    { validationId: 'c2b6b1f4-5a2c-4a53-9c55-2f7c1ad3f1a0', organizationName: 'City of Tailspin', maxCreates: 5, remainingCreates: 4 },
    { validationId: '5d0f3b8e-7a61-4c2e-9f0a-3e4b5c6d7e8f', organizationName: 'Fourth Coffee County', maxCreates: 2, remainingCreates: 0 },
  ];
}

export type RequestVerdict =
  | { readonly ok: true; readonly entry: Record<string, unknown> }
  | { readonly ok: false; readonly status: 400 | 409; readonly code: string; readonly description: string };

const HELD = (entries: Record<string, unknown>[], name: string) => entries.some((e) => {
  const q = String(e.qualification ?? e.Qualification ?? '').toLowerCase();
  const s = String(e.vettingStatus ?? e.VettingStatus ?? '').toLowerCase();
  return q === name.toLowerCase() && s !== 'denied';
});

const fail = (status: 400 | 409, code: string, description: string): RequestVerdict => ({ ok: false, status, code, description });

export function judgeRequest(body: unknown, query: URLSearchParams, held: Record<string, unknown>[], validations: SimulatedValidation[], now = new Date()): RequestVerdict {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return fail(400, 'BadRequest', 'The request body must be a JSON object.');
  const b = body as Record<string, unknown>;
  const kind = typeof b.qualification === 'string' ? b.qualification : '';
  const known = ['Education', 'StateOwnedEntity', 'GovernmentCommunityCloud'].find((k) => k.toLowerCase() === kind.toLowerCase());
  if (!known) return fail(400, 'BadRequest', `Qualification "${kind}" cannot be set. Allowed: Education, StateOwnedEntity, GovernmentCommunityCloud.`);
  if (HELD(held, known)) return fail(409, 'Conflict', `The customer already has the ${known} qualification.`);
  const excludes = known === 'Education' ? 'GovernmentCommunityCloud' : known === 'GovernmentCommunityCloud' ? 'Education' : undefined;
  if (excludes && HELD(held, excludes)) return fail(409, 'Conflict', `${known} cannot be added to a customer with the ${excludes} qualification.`);
  let validation: SimulatedValidation | undefined;
  if (known === 'Education') {
    if (b.educationSegment !== 'K12' && b.educationSegment !== 'HigherEducation') return fail(400, 'BadRequest', 'educationSegment must be K12 or HigherEducation.');
    if (typeof b.website !== 'string' || !/^(https?:\/\/)?[a-z0-9.-]+\.[a-z]{2,}(\/.*)?$/i.test(b.website.trim())) return fail(400, 'BadRequest', 'website must be the school\'s web address.');
  } else if (known === 'GovernmentCommunityCloud') {
    const code = query.get('code') ?? (typeof b.validationCode === 'string' ? b.validationCode : '');
    validation = validations.find((v) => v.validationId.toLowerCase() === code.toLowerCase());
    if (!code || !validation) return fail(400, 'BadRequest', `Validation code "${code}" is not valid for this partner.`);
    if (validation.remainingCreates <= 0) return fail(400, 'BadRequest', `Validation code "${code}" has no remaining creates.`);
  }
  if (validation) validation.remainingCreates--;
  const entry = known === 'StateOwnedEntity'
    ? { qualification: 'StateOwnedEntity' }
    : { qualification: known, vettingStatus: 'InReview', vettingCreateDate: now.toISOString() };
  return { ok: true, entry };
}
