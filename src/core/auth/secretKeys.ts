// Names of this extension's entries in the secret store. Kept apart from MSAL so sign-out can remove them
// even when no connection can be built (and without loading the sign-in library).
import type { SecretStore } from './secretStore';

export const APP_CREDENTIAL_KEY = 'partnerCenter.app.credential';

export const msalCacheKey = (flow: 'user' | 'app', clientId: string) => `partnerCenter.msalCache.${flow}.${clientId}`;

/** Every key a sign-in with this client id may have written. */
export const signInKeys = (clientId: string) => [APP_CREDENTIAL_KEY, msalCacheKey('user', clientId), msalCacheKey('app', clientId)];

/**
 * The names (never the values) of every token cache written, whatever the client id or mode: SecretStorage
 * cannot list its keys before VS Code 1.104, and Sign Out must find the cache of a client id used before the
 * current one. Key names hold client ids, which are not secrets.
 */
export const KEY_INDEX = 'partnerCenter.secretKeys';

const ours = (k: unknown): k is string => typeof k === 'string' && k.startsWith('partnerCenter.');

export async function indexedKeys(store: SecretStore): Promise<string[]> {
  try {
    const list: unknown = JSON.parse((await store.get(KEY_INDEX)) ?? '[]');
    return Array.isArray(list) ? list.filter(ours) : [];
  } catch {
    return [];
  }
}

/** Adds `key` to the index; called before the entry itself is first written, so a crash leaves no unlisted cache. */
export async function indexKey(store: SecretStore, key: string): Promise<void> {
  const known = await indexedKeys(store);
  if (!known.includes(key)) await store.store(KEY_INDEX, JSON.stringify([...known, key]));
}

/**
 * Removes the index, every key it lists and `also` (keys named by the caller: the current client's, a listing
 * of the store where there is one). Returns the names of the entries that existed (for the log; no values).
 */
export async function removeAllKeys(store: SecretStore, also: readonly string[]): Promise<string[]> {
  const keys = new Set([...also.filter(ours), ...(await indexedKeys(store))]);
  keys.delete(KEY_INDEX);
  const removed: string[] = [];
  for (const key of keys) {
    if ((await store.get(key)) === undefined) continue;
    await store.delete(key);
    removed.push(key);
  }
  await store.delete(KEY_INDEX);
  return removed;
}
