// Reads the `partnerCenter.customers` setting: each entry a tenant id, {tenantId, name}, a domain
// ("contoso.onmicrosoft.com") or {domain, name}. Bad entries never break the list: each becomes a problem
// naming the entry (counted from 1, as people count) and what is wrong.
import { normalizeTenantId } from './tenantId';

export interface ConfiguredTenant {
  readonly tenantId: string;
  readonly name?: string;
  /** Index of the entry in the setting (from 0), for "open setting" actions. */
  readonly index: number;
  /** Set when the entry is a domain that resolved to this tenant. */
  readonly domain?: string;
}

/** An entry that names a customer by domain; resolved to a tenant through Partner Center's domain search. */
export interface DomainEntry {
  /** Lower-case. */
  readonly domain: string;
  readonly name?: string;
  readonly index: number;
}

export interface EntryProblem {
  /** Index (from 0) of the entry in the setting; -1 for the setting as a whole. */
  readonly index: number;
  readonly message: string;
}

export interface CustomerEntries {
  readonly tenants: ConfiguredTenant[];
  readonly problems: EntryProblem[];
  readonly domains: DomainEntry[];
}

const show = (v: unknown) => {
  const s = typeof v === 'string' ? `"${v}"` : JSON.stringify(v) ?? String(v);
  return s.length > 48 ? `${s.slice(0, 45)}...` : s;
};

/** Absurd input is cut to size with a note, never a stall: a name this long is shown cut... */
export const MAX_NAME_LENGTH = 256;
/** ...and entries past this many (twice a large distributor's customer list) are left out. */
export const MAX_ENTRIES = 200_000;

const DOMAIN = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The canonical (lower-case) form of a domain name, or undefined. */
export function normalizeDomain(input: unknown): string | undefined {
  if (typeof input !== 'string') return undefined;
  const d = input.trim().toLowerCase().replace(/\.$/, '');
  return DOMAIN.test(d) ? d : undefined;
}

/** "entry 3" for index 2: messages count entries from 1. */
export const entryLabel = (index: number) => `entry ${index + 1}`;

export function parseCustomerEntries(raw: unknown): CustomerEntries {
  const tenants: ConfiguredTenant[] = [];
  const problems: EntryProblem[] = [];
  const domains: DomainEntry[] = [];
  if (raw === undefined || raw === null) return { tenants, problems, domains };
  if (!Array.isArray(raw)) return { tenants, problems: [{ index: -1, message: 'partnerCenter.customers must be a list of tenant ids or domains' }], domains };
  const seen = new Map<string, number>();
  if (raw.length > MAX_ENTRIES) {
    problems.push({ index: MAX_ENTRIES, message: `partnerCenter.customers has ${raw.length.toLocaleString('en-US')} entries: only the first ${MAX_ENTRIES.toLocaleString('en-US')} are shown and refreshed` });
    raw = raw.slice(0, MAX_ENTRIES);
  }
  const seenDomains = new Map<string, number>();
  (raw as unknown[]).forEach((entry: unknown, index) => {
    const at = entryLabel(index);
    let idValue: unknown = entry;
    let name: string | undefined;
    if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
      const o = entry as Record<string, unknown>;
      idValue = o.tenantId;
      if (o.name !== undefined && typeof o.name !== 'string') return problems.push({ index, message: `${at}: "name" must be text` });
      if (typeof o.name === 'string' && o.name.length > MAX_NAME_LENGTH) {
        // trim only what is kept: trimming a million characters on every reload is the stall this avoids
        name = `${o.name.slice(0, MAX_NAME_LENGTH * 2).trim().slice(0, MAX_NAME_LENGTH - 1)}…`;
        problems.push({ index, message: `${at}: "name" is ${o.name.length.toLocaleString('en-US')} characters; shown cut to ${MAX_NAME_LENGTH}` });
      } else {
        name = typeof o.name === 'string' && o.name.trim() ? o.name.trim() : undefined;
      }
      if (idValue === undefined && o.domain !== undefined) idValue = { domain: o.domain };
      else if (idValue === undefined) return problems.push({ index, message: `${at}: missing "tenantId" or "domain"` });
    } else if (typeof entry !== 'string') {
      return problems.push({ index, message: `${at}: ${show(entry)} is not a tenant id, a domain or {"tenantId", "name"}` });
    }
    const tenantId = normalizeTenantId(idValue);
    if (!tenantId) {
      const domainValue = typeof idValue === 'object' && idValue ? (idValue as { domain: unknown }).domain : idValue;
      const domain = normalizeDomain(domainValue);
      if (!domain) {
        const what = typeof idValue === 'object' && idValue ? `"domain" ${show(domainValue)} is not a domain` : `${show(idValue)} is not a tenant id (GUID) or a domain`;
        return problems.push({ index, message: `${at}: ${what}` });
      }
      const firstDomain = seenDomains.get(domain);
      if (firstDomain !== undefined) return problems.push({ index, message: `${at}: duplicate of ${entryLabel(firstDomain)} (${domain})` });
      seenDomains.set(domain, index);
      domains.push({ domain, ...(name ? { name } : {}), index });
      return undefined;
    }
    const first = seen.get(tenantId);
    if (first !== undefined) {
      // the tenant stays listed once; a name given only on the later entry is not lost
      const kept = tenants[first]!;
      if (name && !kept.name) tenants[first] = { ...kept, name };
      return problems.push({ index, message: `${at}: duplicate of ${entryLabel(kept.index)} (${tenantId})` });
    }
    seen.set(tenantId, tenants.length);
    tenants.push({ tenantId, ...(name ? { name } : {}), index });
    return undefined;
  });
  return { tenants, problems, domains };
}
