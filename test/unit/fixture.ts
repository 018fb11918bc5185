// Shared set-up for core tests: a running simulator and a real client wired to it through undici.
import * as assert from 'assert';
import { randomBytes } from 'crypto';
import type { Dispatcher } from 'undici';
import { AppSignIn } from '../../src/core/auth/appSignIn';
import { MemorySecretStore } from '../../src/core/auth/secretStore';
import { RateGate } from '../../src/core/batch/rateGate';
import { Cloud, customCloud } from '../../src/core/client/clouds';
import { PartnerCenterError } from '../../src/core/client/errors';
import { NetworkOptions, createDispatcher } from '../../src/core/client/network';
import { PartnerCenterClient } from '../../src/core/client/partnerCenterClient';
import { RetryPolicyOptions } from '../../src/core/client/retryPolicy';
import { Logger } from '../../src/core/log';
import { Simulator, SimulatorOptions, startSimulator } from '../../src/core/simulator/simulator';

/** A logger that keeps every line, so tests can scan them for secrets. */
export class RecordingLogger implements Logger {
  readonly lines: string[] = [];
  trace(m: string) { this.lines.push(`trace ${m}`); }
  debug(m: string) { this.lines.push(`debug ${m}`); }
  info(m: string) { this.lines.push(`info ${m}`); }
  warn(m: string) { this.lines.push(`warn ${m}`); }
  error(m: string) { this.lines.push(`error ${m}`); }
}

export interface Rig {
  sim: Simulator;
  cloud: Cloud;
  dispatcher: Dispatcher;
  secrets: MemorySecretStore;
  logger: RecordingLogger;
  appClientId: string;
  appSecret: string;
  auth: AppSignIn;
  client: PartnerCenterClient;
  retries: string[];
  throttles: number[];
  close(): Promise<void>;
}

export const FAST_BACKOFF = [20, 40, 80];

export async function startRig(o: { sim?: SimulatorOptions; network?: NetworkOptions; retry?: RetryPolicyOptions; gate?: RateGate; deadlineMs?: number; extraApps?: { clientId: string; certificate: string }[] } = {}): Promise<Rig> {
  const appClientId = 'c0c0c0c0-0000-4000-8000-00000000000c';
  const appSecret = `sim-${randomBytes(18).toString('base64url')}`;
  const sim = await startSimulator({ ...o.sim, confidentialApps: [{ clientId: appClientId, secret: appSecret }, ...(o.extraApps ?? []), ...(o.sim?.confidentialApps ?? [])] });
  const cloud = customCloud(sim.apiBaseUrl, sim.authorityHost);
  const retries: string[] = [];
  const throttles: number[] = [];
  const gate = o.gate;
  // the same policy for sign-in (the dispatcher's interceptor) and API calls (the client's own loop, through the gate)
  const retry: RetryPolicyOptions = { backoffMs: FAST_BACKOFF, ...o.retry, onRetry: (r) => retries.push(r), onThrottled: (ms) => throttles.push(ms) };
  const dispatcher = createDispatcher({ ca: [sim.caCert], ...o.network }, retry);
  const secrets = new MemorySecretStore();
  const logger = new RecordingLogger();
  const auth = new AppSignIn({ cloud, tenantId: sim.partnerTenantId, clientId: appClientId, dispatcher, secrets, logger }, { kind: 'secret', secret: appSecret });
  const client = new PartnerCenterClient({ cloud, tokens: auth, dispatcher, logger, gate, retry, deadlineMs: o.deadlineMs });
  return {
    sim, cloud, dispatcher, secrets, logger, appClientId, appSecret, auth, client, retries, throttles,
    async close() {
      await dispatcher.close().catch(() => undefined);
      await sim.close();
    },
  };
}

/** The PartnerCenterError a call fails with (the test fails if it succeeds or throws anything else). */
export async function failure(p: Promise<unknown>): Promise<PartnerCenterError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof PartnerCenterError, `expected a PartnerCenterError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected the call to fail');
}
