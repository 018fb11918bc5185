// Turns a 200 body of GET /v1/customers/{id}/qualifications into typed qualifications, accepting every
// documented form: a bare array or {qualifications: [...]}, keys and values in any case, vettingCreateDate
// or vettingCreatedDate, StateOwnedEntity without a status, [] or [{qualification: "None"}] for none.
import { KNOWN_QUALIFICATIONS, Qualification, VettingStatus } from '../model/qualification';
import { PartnerCenterError } from './errors';

const KNOWN_STATUSES: readonly VettingStatus[] = ['Approved', 'InReview', 'Denied'];

function malformed(what: string): PartnerCenterError {
  return new PartnerCenterError('malformed-response', `Partner Center sent an unexpected answer: ${what}.`);
}

function canonical<T extends string>(value: string, known: readonly T[]): T | undefined {
  const v = value.trim().toLowerCase();
  return known.find((k) => k.toLowerCase() === v);
}

function field(entry: Record<string, unknown>, ...names: string[]): unknown {
  const wanted = names.map((n) => n.toLowerCase());
  for (const [k, v] of Object.entries(entry)) if (wanted.includes(k.toLowerCase())) return v;
  return undefined;
}

function optionalText(entry: Record<string, unknown>, index: number, ...names: string[]): string | undefined {
  const v = field(entry, ...names);
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw malformed(`entry ${index}: "${names[0]}" is ${typeof v}, not text`);
  return v;
}

function parseEntry(raw: unknown, index: number): Qualification | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw malformed(`entry ${index} is not an object`);
  const entry = raw as Record<string, unknown>;
  const name = optionalText(entry, index, 'qualification');
  if (!name) throw malformed(`entry ${index} has no "qualification"`);
  if (name.trim().toLowerCase() === 'none') return undefined;
  const rawStatus = optionalText(entry, index, 'vettingStatus');
  const status: VettingStatus = rawStatus === undefined ? 'NotVetted' : (canonical(rawStatus, KNOWN_STATUSES) ?? 'Unknown');
  const createdAt = optionalText(entry, index, 'vettingCreateDate', 'vettingCreatedDate');
  if (createdAt !== undefined && Number.isNaN(Date.parse(createdAt))) throw malformed(`entry ${index}: "vettingCreateDate" is not a date`);
  return {
    name: canonical(name, KNOWN_QUALIFICATIONS) ?? name.trim(),
    status,
    ...(rawStatus === undefined ? {} : { rawStatus }),
    ...(optionalText(entry, index, 'vettingReason') === undefined ? {} : { reason: optionalText(entry, index, 'vettingReason') }),
    ...(createdAt === undefined ? {} : { createdAt }),
  };
}

export function parseQualifications(body: string): Qualification[] {
  const text = body.trim();
  if (!text) throw malformed('an empty body');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw malformed(`the body is not JSON (${(e as Error).message.split('\n')[0]})`);
  }
  let list: unknown = json;
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    list = field(json as Record<string, unknown>, 'qualifications', 'items');
    if (list === undefined) throw malformed('an object without a "qualifications" list');
  }
  if (!Array.isArray(list)) throw malformed(`${json === null ? 'null' : typeof list} where a list of qualifications belongs`);
  return list.map(parseEntry).filter((q): q is Qualification => q !== undefined);
}

/** The one qualification a POST answers with; undefined for an empty body (the caller then re-reads). */
export function parseQualificationAnswer(body: string): Qualification | undefined {
  const text = body.trim();
  if (!text) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw malformed(`the body is not JSON (${(e as Error).message.split('\n')[0]})`);
  }
  return parseEntry(Array.isArray(json) ? json[0] : json, 0);
}
