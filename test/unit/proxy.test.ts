import * as assert from 'assert';
import { DEMO_TENANTS } from '../../src/core/simulator/customers';
import { startRig } from './fixture';
import { startConnectProxy as startProxy } from '../support/connectProxy';

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
