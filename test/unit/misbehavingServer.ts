// A plain loopback HTTP server that misbehaves the way networks and gateways do, and a client wired to it.
import * as http from 'http';
import { AddressInfo } from 'net';
import type { Dispatcher } from 'undici';
import { RateGate } from '../../src/core/batch/rateGate';
import { Cloud } from '../../src/core/client/clouds';
import { createDispatcher } from '../../src/core/client/network';
import { PartnerCenterClient } from '../../src/core/client/partnerCenterClient';
import { TokenProvider } from '../../src/core/client/tokenProvider';
import { FAST_BACKOFF, RecordingLogger } from './fixture';

export interface Arrival { readonly at: number; readonly method: string; readonly url: string; readonly authorization?: string }

export interface BadServer {
  readonly url: string;
  readonly arrivals: Arrival[];
  /** Bytes of response body the server managed to write (what the client had to take). */
  written: number;
  close(): Promise<void>;
}

export async function startBadServer(handle: (req: http.IncomingMessage, res: http.ServerResponse, server: BadServer) => void): Promise<BadServer> {
  const sockets = new Set<import('net').Socket>();
  const srv = http.createServer((req, res) => {
    state.arrivals.push({ at: Date.now(), method: req.method ?? 'GET', url: req.url ?? '', authorization: req.headers.authorization });
    handle(req, res, state);
  });
  srv.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const state: BadServer = {
    url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}`,
    arrivals: [],
    written: 0,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => srv.close(() => r()));
    },
  };
  return state;
}

/** Writes `total` bytes of `fill` with backpressure, counting what left; stops when the client goes away. */
export async function writeLarge(res: http.ServerResponse, server: BadServer, total: number, fill = 'x'): Promise<void> {
  const chunk = Buffer.alloc(64 * 1024, fill);
  let closed = false;
  let wake = () => undefined as void;
  res.on('close', () => { closed = true; wake(); });
  for (let sent = 0; sent < total && !closed; sent += chunk.length) {
    server.written += chunk.length;
    if (!res.write(chunk)) await new Promise<void>((r) => { wake = r; res.once('drain', r); });
  }
  if (!closed) res.end();
}

export interface BadRig { client: PartnerCenterClient; dispatcher: Dispatcher; retries: string[]; logger: RecordingLogger }

export function clientFor(server: BadServer, o: { tokens?: TokenProvider; gate?: RateGate; deadlineMs?: number; headersTimeoutMs?: number; bodyTimeoutMs?: number } = {}): BadRig {
  const dispatcher = createDispatcher({ headersTimeoutMs: o.headersTimeoutMs, bodyTimeoutMs: o.bodyTimeoutMs }, { backoffMs: FAST_BACKOFF });
  const cloud: Cloud = { name: 'custom', apiBaseUrl: server.url, authorityHost: server.url, resource: server.url };
  const retries: string[] = [];
  const logger = new RecordingLogger();
  const client = new PartnerCenterClient({
    cloud, dispatcher, logger, gate: o.gate, deadlineMs: o.deadlineMs,
    tokens: o.tokens ?? { signInMode: 'user', getToken: async () => 'token' },
    retry: { backoffMs: FAST_BACKOFF, onRetry: (r) => retries.push(r) },
  });
  return { client, dispatcher, retries, logger };
}


