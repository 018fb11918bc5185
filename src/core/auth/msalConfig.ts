// The MSAL configuration both sign-in modes share: authority of the chosen cloud, the token cache in the
// secret store, MSAL's HTTP through our dispatcher, and MSAL's log without any line flagged as PII.
import { Configuration, LogLevel } from '@azure/msal-node';
import type { Dispatcher } from 'undici';
import { Cloud, authority } from '../client/clouds';
import { Logger, silentLogger } from '../log';
import { secretStoreCachePlugin } from './cachePlugin';
import { MsalTransport } from './msalNetwork';
import { SecretStore } from './secretStore';

export interface SignInContext {
  readonly cloud: Cloud;
  /** The partner's tenant (id or domain) to sign in to. */
  readonly tenantId: string;
  readonly clientId: string;
  readonly dispatcher: Dispatcher;
  readonly secrets: SecretStore;
  readonly logger?: Logger;
}

export function msalConfiguration(ctx: SignInContext, transport: MsalTransport, cacheKey: string, auth: Partial<Configuration['auth']> = {}): Configuration {
  const log = ctx.logger ?? silentLogger;
  const host = new URL(ctx.cloud.authorityHost).host;
  return {
    auth: {
      clientId: ctx.clientId,
      authority: authority(ctx.cloud, ctx.tenantId),
      // A custom (simulator) authority is not a Microsoft cloud: trust its host without instance discovery.
      ...(ctx.cloud.name === 'custom' ? { knownAuthorities: [host] } : {}),
      ...auth,
    },
    cache: { cachePlugin: secretStoreCachePlugin(ctx.secrets, cacheKey) },
    system: {
      networkClient: transport.module,
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Warning,
        loggerCallback: (level, message, containsPii) => {
          if (containsPii) return;
          if (level === LogLevel.Error) log.error(`msal: ${message}`);
          else if (level === LogLevel.Warning) log.warn(`msal: ${message}`);
          else log.debug(`msal: ${message}`);
        },
      },
    },
  };
}
