// The partner's GCC validation codes (GET /v1/customers/all/validations): a bare array or a wrapped list,
// keys in any case; a code without an id is a clear error, unknown numbers are left out.
import { PartnerCenterError } from '../client/errors';

export interface ValidationCode {
  readonly validationId: string;
  readonly organizationName?: string;
  readonly maxCreates?: number;
  readonly remainingCreates?: number;
}

function malformed(what: string): PartnerCenterError {
  return new PartnerCenterError('malformed-response', `Partner Center sent an unexpected list of validation codes: ${what}.`);
}

function lower(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k.toLowerCase(), v]));
}

const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined);

export function parseValidationCodes(body: string): ValidationCode[] {
  let json: unknown;
  try {
    json = JSON.parse(body.trim() || 'null');
  } catch (e) {
    throw malformed(`the body is not JSON (${(e as Error).message.split('\n')[0]})`);
  }
  let list = json;
  if (json && typeof json === 'object' && !Array.isArray(json)) list = lower(json as Record<string, unknown>).items ?? lower(json as Record<string, unknown>).validations;
  if (!Array.isArray(list)) throw malformed('no list');
  return list.map((raw, i) => {
    if (!raw || typeof raw !== 'object') throw malformed(`entry ${i} is not an object`);
    const o = lower(raw as Record<string, unknown>);
    if (typeof o.validationid !== 'string' || !o.validationid.trim()) throw malformed(`entry ${i} has no "validationId"`);
    const org = typeof o.organizationname === 'string' && o.organizationname.trim() ? o.organizationname.trim() : undefined;
    const max = count(o.maxcreates);
    const remaining = count(o.remainingcreates);
    return { validationId: o.validationid.trim(), ...(org ? { organizationName: org } : {}), ...(max === undefined ? {} : { maxCreates: max }), ...(remaining === undefined ? {} : { remainingCreates: remaining }) };
  });
}
