// MSAL's token cache, persisted through a SecretStore (never to disk or settings).
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import { SecretStore } from './secretStore';

export function secretStoreCachePlugin(store: SecretStore, key: string): ICachePlugin {
  return {
    async beforeCacheAccess(ctx: TokenCacheContext) {
      const data = await store.get(key);
      ctx.tokenCache.deserialize(data ?? '');
    },
    async afterCacheAccess(ctx: TokenCacheContext) {
      if (ctx.cacheHasChanged) await store.store(key, ctx.tokenCache.serialize());
    },
  };
}
