import * as assert from 'assert';
import * as http from 'http';
import * as net from 'net';
import type { AddressInfo } from 'net';
import { DEMO_TENANTS } from '../../src/core/simulator/customers';
import { startRig } from './fixture';

/** A CONNECT proxy on loopback that records what passes and can demand Proxy-Authorization. */
async function startProxy(requiredAuth?: string) {
  const seen: { target: string; auth?: string }[] = [];
  const server = http.createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req, socket: net.Socket, head) => {
    seen.push({ target: req.url ?? '', auth: req.headers['proxy-authorization'] });
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
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const sockets = new Set<net.Socket>();
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }),
  };
}

describe('proxy settings', () => {
  it('sends sign-in and API calls through the proxy with its authorization', async () => {
    const proxy = await startProxy('Basic dXNlcjpwYXNz');
    const rig = await startRig({ network: { proxy: proxy.url, proxyAuthorization: 'Basic dXNlcjpwYXNz' } });
    try {
      const r = await rig.client.getQualifications(DEMO_TENANTS.approved);
      assert.strictEqual(r.qualifications[0]?.status, 'Approved');
      assert.ok(proxy.seen.length >= 1);
      assert.ok(proxy.seen.every((s) => s.target === new URL(rig.sim.origin).host && s.auth === 'Basic dXNlcjpwYXNz'));
    } finally {
      await rig.close();
      await proxy.close();
    }
  });

  it('bypasses the proxy for hosts in noProxy', async () => {
    const proxy = await startProxy();
    const rig = await startRig({ network: { proxy: proxy.url, noProxy: ['127.0.0.1'] } });
    try {
      await rig.client.getQualifications(DEMO_TENANTS.approved);
      assert.strictEqual(proxy.seen.length, 0);
    } finally {
      await rig.close();
      await proxy.close();
    }
  });

  it('refuses the simulator certificate without its CA, and accepts it with strictSSL off', async () => {
    const strict = await startRig({ network: { ca: [] } });
    try {
      await assert.rejects(strict.client.getQualifications(DEMO_TENANTS.approved), (e: { kind: string; message: string }) => e.kind === 'network' && /certificate is not trusted \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)/.test(e.message));
    } finally {
      await strict.close();
    }
    const lax = await startRig({ network: { ca: [], strictSSL: false } });
    try {
      assert.strictEqual((await lax.client.getQualifications(DEMO_TENANTS.approved)).qualifications.length, 1);
    } finally {
      await lax.close();
    }
  });
});
