// The local Partner Center simulator: one HTTPS server on 127.0.0.1 serving a minimal Entra ID and the
// Partner Center API. It is the embedded default for the demo, the peer of every test and the backend of
// the benchmark. Start it with startSimulator(); the CLI (npm run simulator) wraps the same call.
import * as https from 'https';
import type { AddressInfo } from 'net';
import type { Socket } from 'net';
import { SimulatedCustomer, demoCustomers, directoryCustomers } from './customers';
import { Fault, FaultState } from './faults';
import { ConfidentialApp, IdentityService } from './identity';
import { TokenSigner } from './jwt';
import { ApiOptions, PartnerCenterApi } from './partnerCenterApi';
import { makeSimulatorTls } from './certificates';

export interface SimulatorOptions {
  readonly port?: number;
  readonly customers?: SimulatedCustomer[];
  /** Adds a synthetic directory of this many customers (directoryCustomers) after the others. */
  readonly directorySize?: number;
  readonly confidentialApps?: ConfidentialApp[];
  readonly latencyMs?: number;
  readonly rateLimitPerMinute?: number;
  /** The rate limit's window (default 60 s); tests shorten it. */
  readonly rateLimitWindowMs?: number;
  readonly requireMfa?: boolean;
  /** Whether app+user sign-ins satisfy MFA (default true). */
  readonly userHasMfa?: boolean;
  readonly accessTokenLifetimeSec?: number;
  readonly autoApproveDeviceCodes?: boolean;
  /** The partner's own tenant (the signed-in user's home tenant). */
  readonly partnerTenantId?: string;
}

export interface Simulator {
  readonly origin: string;
  /** Partner Center API base URL (custom cloud `apiBaseUrl`). */
  readonly apiBaseUrl: string;
  /** Sign-in authority host (custom cloud `authority`). */
  readonly authorityHost: string;
  readonly partnerTenantId: string;
  /** PEM of the CA that signed the server certificate. */
  readonly caCert: string;
  readonly api: PartnerCenterApi;
  readonly identity: IdentityService;
  setCustomerFault(tenantId: string, fault: Fault | undefined): void;
  /** Faults for every customer (e.g. 5% 503 and 1% resets); undefined or [] clears them. */
  setGlobalFault(fault: Fault | Fault[] | undefined): void;
  /** A fault for the customer list and search pages only (e.g. page-without-items with skip: 2). */
  setListFault(fault: Fault | undefined): void;
  setLatency(ms: number): void;
  setRateLimit(perMinute: number): void;
  setUserMfa(hasMfa: boolean): void;
  /** Refuse every access token issued so far (clients must get a new one). */
  expireTokens(): void;
  /** Refuse every refresh token issued so far (clients must sign in again). */
  revokeRefreshTokens(): void;
  close(): Promise<void>;
}

export const DEFAULT_PARTNER_TENANT = 'a0a0a0a0-0000-4000-8000-00000000000a';

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const tls = await makeSimulatorTls();
  const signer = new TokenSigner();
  const partnerTenantId = options.partnerTenantId ?? DEFAULT_PARTNER_TENANT;
  let origin = '';
  const apiOptions: ApiOptions = {
    signer,
    apiResource: () => origin,
    requireMfa: options.requireMfa ?? true,
    latencyMs: options.latencyMs ?? 0,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 0,
    rateLimitWindowMs: options.rateLimitWindowMs,
    tokensExpireBefore: 0,
    globalFaults: [],
  };
  const api = new PartnerCenterApi(apiOptions, [...(options.customers ?? demoCustomers()), ...directoryCustomers(options.directorySize ?? 0)]);
  const identityOptions = {
    origin: () => origin,
    apiResource: () => origin,
    signer,
    confidentialApps: options.confidentialApps ?? [],
    mfa: options.userHasMfa ?? true,
    accessTokenLifetimeSec: options.accessTokenLifetimeSec ?? 3600,
    autoApproveDeviceCodes: options.autoApproveDeviceCodes ?? true,
    user: { oid: 'b1b1b1b1-0000-4000-8000-00000000000b', upn: 'admin@partner.onmicrosoft.com', name: 'Partner Admin', tid: partnerTenantId },
  };
  const identity = new IdentityService(identityOptions);
  const sockets = new Set<Socket>();
  const server = https.createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    const url = new URL(req.url ?? '/', origin);
    (async () => {
      if (await api.handle(req, res, url)) return;
      if (await identity.handle(req, res, url)) return;
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 1000, description: `No route for ${req.method} ${url.pathname}` }));
    })().catch((e) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 500, description: String(e) }));
    });
  });
  server.on('connection', (s: Socket) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    apiBaseUrl: origin,
    authorityHost: origin,
    partnerTenantId,
    caCert: tls.caCert,
    api,
    identity,
    setCustomerFault(tenantId, fault) {
      const c = api.customers.get(tenantId.toLowerCase());
      if (!c) throw new Error(`simulator: no customer ${tenantId}`);
      c.fault = fault;
      c.faultState = fault ? new FaultState(fault) : undefined;
    },
    setGlobalFault(fault) {
      apiOptions.globalFaults = (Array.isArray(fault) ? fault : fault ? [fault] : []).map((f) => new FaultState(f));
    },
    setListFault(fault) { apiOptions.listFault = fault ? new FaultState(fault) : undefined; },
    setLatency(ms) { apiOptions.latencyMs = ms; },
    setRateLimit(perMinute) { apiOptions.rateLimitPerMinute = perMinute; },
    setUserMfa(hasMfa) { identityOptions.mfa = hasMfa; },
    expireTokens() { apiOptions.tokensExpireBefore = Date.now(); },
    revokeRefreshTokens() { identity.revokedBefore = Date.now(); },
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}
