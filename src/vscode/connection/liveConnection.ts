// Builds the live connection (dispatcher, sign-in, client, batch runner). Loaded on first use, so MSAL and
// undici are not evaluated while VS Code activates the extension.
import * as vscode from 'vscode';
import { APP_CREDENTIAL_KEY, AppCredential } from '../../core/auth/appCredential';
import { AppSignIn } from '../../core/auth/appSignIn';
import { UserSignIn } from '../../core/auth/userSignIn';
import { BatchRunner } from '../../core/batch/batchRunner';
import { RateGate } from '../../core/batch/rateGate';
import { Cloud } from '../../core/client/clouds';
import { PartnerCenterError } from '../../core/client/errors';
import type { Dispatcher } from 'undici';
import { createDispatcher } from '../../core/client/network';
import { PartnerCenterClient } from '../../core/client/partnerCenterClient';
import type { RetryPolicyOptions } from '../../core/client/retryPolicy';
import { Logger } from '../../core/log';
import type { Live } from './connection';
import { secretStorageStore } from './secretStorage';
import { ConnectionSettings, readLimits, readNetworkSettings } from '../settings';

/**
 * `gate` is the request budget of the connection this one replaces: the window's history stays, so a rebuild
 * (settings, sign-in, secrets) never grants a fresh budget; a changed limit only updates L.
 */
export async function buildLive(secretStorage: vscode.SecretStorage, logger: Logger, settings: ConnectionSettings, cloud: Cloud, ca: string[], gate?: RateGate): Promise<Live> {
  const network = readNetworkSettings();
  const limits = readLimits();
  if (gate) gate.setLimit(limits.requestsPerMinute);
  else gate = new RateGate({ limit: limits.requestsPerMinute });
  const budget = gate;
  // API calls retry in the client, through the gate (which the client tells about a 429); sign-in retries in the dispatcher
  const retry: RetryPolicyOptions = {
    onThrottled: (ms) => logger.warn(`Partner Center throttled requests: waiting ${Math.round(ms / 1000)} s, then ${Math.round(budget.requestsPerMinute)}/min until it recovers`),
    onRetry: (reason) => logger.debug(`retrying after ${reason}`),
  };
  const dispatcher = createDispatcher({ ...network, ca }, { onRetry: retry.onRetry });
  const secrets = secretStorageStore(secretStorage);
  const tenantId = settings.tenantId || 'organizations';
  let user: UserSignIn | undefined;
  let app: AppSignIn | undefined;
  if (settings.mode === 'app') {
    const stored = await secretStorage.get(APP_CREDENTIAL_KEY);
    if (stored && settings.clientId && settings.tenantId) {
      app = new AppSignIn({ cloud, tenantId, clientId: settings.clientId, dispatcher, secrets, logger }, JSON.parse(stored) as AppCredential);
    }
  } else if (settings.clientId) {
    user = new UserSignIn({ cloud, tenantId, clientId: settings.clientId, dispatcher, secrets, logger });
  }
  const tokens = app ?? user ?? { getToken: async () => { throw new PartnerCenterError('auth-required', vscode.l10n.t('Not signed in to Partner Center: run "Partner Center: Sign In".')); } };
  const client = new PartnerCenterClient({
    cloud, tokens, dispatcher, gate: budget, logger, retry, applicationName: 'Partner Center Qualifications for VS Code',
    deadlineMs: () => readLimits().requestTimeoutSeconds * 1000,
  });
  logger.info(`connection: ${cloud.name} cloud ${cloud.apiBaseUrl}, sign-in ${settings.mode}${app || user ? '' : ' (not configured)'}, ${limits.concurrency} at once, at most ${limits.requestsPerMinute} requests in any minute${network.proxy ? ', via proxy' : ''}`);
  return { cloud, settings, user, app, client, runner: new BatchRunner(client), gate: budget, ...retirement(dispatcher, logger) };
}

/** How long a retired dispatcher may take to finish its last requests before it is destroyed. */
export const CLOSE_GRACE_MS = 10_000;

/**
 * A replaced connection is retired, not torn down: work that holds it (a refresh, import or watch round) goes on
 * over the old dispatcher, which closes once the last holder lets go; a request still hung then is destroyed
 * after a grace period. Nothing waits for the close (one hung request never blocks a sign-in, sign-out or rebuild).
 */
function retirement(dispatcher: Dispatcher, logger: Logger): Pick<Live, 'signal' | 'hold' | 'retire'> {
  const session = new AbortController();
  let holders = 0;
  let retired = false;
  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    const grace = setTimeout(() => {
      logger.warn(`a replaced connection still had requests after ${CLOSE_GRACE_MS / 1000} s: destroyed`);
      dispatcher.destroy().catch(() => undefined);
    }, CLOSE_GRACE_MS);
    grace.unref?.();
    dispatcher.close().catch(() => undefined).finally(() => clearTimeout(grace));
  };
  return {
    signal: session.signal,
    hold: () => {
      holders++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (--holders === 0 && retired) close();
      };
    },
    retire: (cancel) => {
      if (cancel) session.abort();
      retired = true;
      if (holders === 0) close();
    },
  };
}
