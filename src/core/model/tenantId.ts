// Customer tenant ids are GUIDs; settings may carry them in any case, in braces or with spaces.
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The canonical (lower-case, bare) form of a tenant id, or undefined when it is not a GUID. */
export function normalizeTenantId(input: unknown): string | undefined {
  // a GUID in braces with some spaces is well under 100 characters: a megabyte string is not one
  if (typeof input !== 'string' || input.length > 100) return undefined;
  const bare = input.trim().replace(/^\{(.*)\}$/, '$1').trim().toLowerCase();
  return GUID.test(bare) ? bare : undefined;
}

export function isTenantId(input: unknown): input is string {
  return typeof input === 'string' && GUID.test(input);
}
