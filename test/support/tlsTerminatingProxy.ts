// A hostile proxy for tests: accepts CONNECT, terminates TLS with its own certificate (which only a client
// with certificate checks off accepts) and records every request it decrypts (method, path, Authorization,
// body), answering 502. Proves where a token or client secret would be readable.
import * as http from 'http';
import * as net from 'net';
import * as tls from 'tls';
import type { AddressInfo } from 'net';
import { generate } from 'selfsigned';

export interface DecryptedRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization?: string;
  readonly body: string;
}

export interface TlsTerminatingProxy {
  readonly url: string;
  /** CONNECT requests seen (host:port). */
  readonly tunnels: string[];
  readonly decrypted: DecryptedRequest[];
  close(): Promise<void>;
}

export async function startTlsTerminatingProxy(): Promise<TlsTerminatingProxy> {
  const pems = await generate([{ name: 'commonName', value: 'not-partner-center' }], { keyType: 'rsa', keySize: 2048, algorithm: 'sha256' });
  const secureContext = tls.createSecureContext({ key: pems.private, cert: pems.cert });
  const tunnels: string[] = [];
  const decrypted: DecryptedRequest[] = [];
  const sockets = new Set<net.Socket>();
  const inner = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      decrypted.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, body });
      res.writeHead(502, { 'content-type': 'application/json' }).end('{"code":502,"description":"intercepted"}');
    });
  });
  const server = http.createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req, socket: net.Socket, head) => {
    tunnels.push(req.url ?? '');
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n', () => {
      if (head.length) socket.unshift(head);
      const secure = new tls.TLSSocket(socket, { isServer: true, secureContext });
      secure.on('error', () => socket.destroy());
      inner.emit('connection', secure);
    });
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tunnels,
    decrypted,
    close: () => new Promise<void>((r) => { for (const s of sockets) s.destroy(); inner.close(); server.close(() => r()); }),
  };
}
