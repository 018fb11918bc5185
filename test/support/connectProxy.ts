// A CONNECT proxy on loopback for tests (unit and extension host): records each tunnel asked for, can
// demand Proxy-Authorization, and can be told to refuse (closing the tunnels it holds) to prove a bypass.
import * as http from 'http';
import * as net from 'net';
import type { AddressInfo } from 'net';

export interface ConnectProxy {
  readonly url: string;
  readonly seen: { target: string; auth?: string }[];
  /** Refuse every CONNECT from now on and cut the open tunnels (true), or accept again (false). */
  refuse(on: boolean): void;
  close(): Promise<void>;
}

export async function startConnectProxy(requiredAuth?: string): Promise<ConnectProxy> {
  const seen: { target: string; auth?: string }[] = [];
  let refusing = false;
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req, socket: net.Socket, head) => {
    seen.push({ target: req.url ?? '', auth: req.headers['proxy-authorization'] });
    if (refusing) return void socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    if (requiredAuth && req.headers['proxy-authorization'] !== requiredAuth) {
      socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\n\r\n');
      return;
    }
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host!, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    refuse(on) {
      refusing = on;
      if (on) for (const s of sockets) s.destroy();
    },
    close: () => new Promise<void>((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }),
  };
}
