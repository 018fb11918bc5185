// MSAL's token cache, persisted through a SecretStore (never to disk or settings).
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import { indexKey } from './secretKeys';
import { SecretStore } from './secretStore';

export function secretStoreCachePlugin(store: SecretStore, key: string): ICachePlugin {
  return {
    async beforeCacheAccess(ctx: TokenCacheContext) {
      const data = await store.get(key);
      ctx.tokenCache.deserialize(data ?? '');
    },
    async afterCacheAccess(ctx: TokenCacheContext) {
      if (!ctx.cacheHasChanged) return;
      // listed before it is written (every time: another window's Sign Out may have cleared the index), so
      // Sign Out finds it whatever client id is current then
      await indexKey(store, key);
      await store.store(key, ctx.tokenCache.serialize());
    },
  };
}
