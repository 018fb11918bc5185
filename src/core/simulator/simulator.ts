// The local Partner Center simulator: one HTTPS server on 127.0.0.1 serving a minimal Entra ID and the
// Partner Center API. It is the embedded default for the demo, the peer of every test and the backend of
// the benchmark. Start it with startSimulator(); the CLI (npm run simulator) wraps the same call.
// The same port also answers plain HTTP, for the sign-in pages a person opens only (device code, browser
// sign-in): VS Code for the Web (code-server) forwards a loopback page through its /proxy/<port>/ path,
// which speaks plain HTTP to the port. Tokens and the API stay on TLS.
import * as http from 'http';
import * as https from 'https';
import * as net from 'net';
import type { AddressInfo } from 'net';
import type { Socket } from 'net';
import type { IncomingMessage, ServerResponse } from 'http';
import { SimulatedCustomer, demoCustomers, directoryCustomers } from './customers';
import { Fault, FaultState } from './faults';
import { ConfidentialApp, IdentityService } from './identity';
import { TokenSigner } from './jwt';
import { ApiOptions, PartnerCenterApi } from './partnerCenterApi';
import { makeSimulatorTls } from './certificates';
import { Limiter, LimiterSpec, createLimiter } from './rateLimit';
import { readBody, send } from './http';
import { VettingTimeline } from './vettingTimeline';

export interface SimulatorOptions {
  readonly port?: number;
  readonly customers?: SimulatedCustomer[];
  /** Adds a synthetic directory of this many customers (directoryCustomers) after the others. */
  readonly directorySize?: number;
  readonly confidentialApps?: ConfidentialApp[];
  readonly latencyMs?: number;
  /** Shorthand for a sliding window of this many requests per `rateLimitWindowMs` (0 = unlimited). */
  readonly rateLimitPerMinute?: number;
  /** The rate limit's window (default 60 s); tests shorten it. */
  readonly rateLimitWindowMs?: number;
  /** The service's limiter per partner: sliding window, fixed window or token bucket (wins over the shorthand). */
  readonly rateLimiter?: LimiterSpec;
  readonly requireMfa?: boolean;
  /** Whether app+user sign-ins satisfy MFA (default true). */
  readonly userHasMfa?: boolean;
  readonly accessTokenLifetimeSec?: number;
  readonly autoApproveDeviceCodes?: boolean;
  /** The partner's own tenant (the signed-in user's home tenant). */
  readonly partnerTenantId?: string;
  /**
   * Test-only: serve POST /_simulator/vetting-timeline ({ tenantId, timeline }; timeline null ends it), so a
   * test in another process (the extension host, a UI test) can script a verdict. Off by default.
   */
  readonly controlEndpoint?: boolean;
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
  /** A sliding window of `perMinute` per minute (0 = unlimited), or any limiter; starts with a fresh count. */
  setRateLimit(limit: number | LimiterSpec): void;
  setUserMfa(hasMfa: boolean): void;
  /** Scripts a customer's vetting over time (undefined ends the script); see vettingTimeline.ts. */
  setVettingTimeline(tenantId: string, timeline: VettingTimeline | undefined): void;
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
    limiter: limiterOf(options.rateLimiter ?? options.rateLimitPerMinute ?? 0, options.rateLimitWindowMs),
    tokensExpireBefore: 0,
    globalFaults: [],
    signedInAt: () => identity.firstTokenAt,
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
      if (options.controlEndpoint && url.pathname === '/_simulator/vetting-timeline' && req.method === 'POST') return control(req, res);
      if (await api.handle(req, res, url)) return;
      if (await identity.handle(req, res, url)) return;
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 1000, description: `No route for ${req.method} ${url.pathname}` }));
    })().catch((e) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 500, description: String(e) }));
    });
  });
  const control = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const body = JSON.parse(await readBody(req)) as { tenantId?: string; timeline?: VettingTimeline | null };
      if (typeof body.tenantId !== 'string') throw new Error('tenantId missing');
      if (body.timeline && (typeof body.timeline.qualification !== 'string' || !Array.isArray(body.timeline.steps))) throw new Error('timeline needs qualification and steps');
      api.setTimeline(body.tenantId, body.timeline ?? undefined);
      send(res, 200, { ok: true });
    } catch (e) {
      send(res, 400, { error: (e as Error).message });
    }
  };
  server.keepAliveTimeout = 5000;
  const pages = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    if (req.method === 'GET' && /^\/[^/]+\/(devicelogin|oauth2\/v2\.0\/authorize)$/.test(url.pathname)) {
      void identity.handle(req, res, url).catch(() => res.destroy());
      return;
    }
    res.writeHead(426, { 'content-type': 'text/plain', upgrade: 'TLS/1.2' }).end('Use HTTPS: plain HTTP serves only the sign-in pages.');
  });
  // one port, two protocols: a TLS connection starts with a handshake record (0x16)
  const listener = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.once('data', (first) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === 0x16 ? server : pages).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  origin = `https://127.0.0.1:${(listener.address() as AddressInfo).port}`;

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
    setRateLimit(limit) { apiOptions.limiter = limiterOf(limit, options.rateLimitWindowMs); },
    setUserMfa(hasMfa) { identityOptions.mfa = hasMfa; },
    setVettingTimeline(tenantId, timeline) { api.setTimeline(tenantId, timeline); },
    expireTokens() { apiOptions.tokensExpireBefore = Date.now(); },
    revokeRefreshTokens() { identity.revokedBefore = Date.now(); },
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      listener.close(() => resolve());
    }),
  };
}

function limiterOf(limit: number | LimiterSpec, windowMs?: number): Limiter | undefined {
  if (typeof limit !== 'number') return createLimiter(limit);
  return limit > 0 ? createLimiter({ kind: 'sliding-window', limit, windowMs }) : undefined;
}
