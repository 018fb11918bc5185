import * as assert from 'assert';
import { request } from 'undici';
import { bulkCustomers } from '../../src/core/simulator/customers';
import { DEMO_TENANTS } from '../../src/core/simulator/customers';
import { startRig } from './fixture';
import { UserSignIn } from '../../src/core/auth/userSignIn';

describe('simulator: the other Partner Center routes', () => {
  it('pages GET /v1/customers by 500 with continuation headers and /v1-prefixed next links', async () => {
    const rig = await startRig({ sim: { customers: bulkCustomers(1200) } });
    try {
      const token = await rig.auth.getToken({});
      const ids: string[] = [];
      const links: string[] = [];
      let path = '/v1/customers?size=500';
      let headers: Record<string, string> = {};
      for (;;) {
        const res = await request(`${rig.sim.apiBaseUrl}${path}`, { dispatcher: rig.dispatcher, headers: { authorization: `Bearer ${token}`, ...headers } });
        const page = (await res.body.json()) as { items: { id: string }[]; links: { next?: { uri: string; headers: { key: string; value: string }[] } } };
        ids.push(...page.items.map((i) => i.id));
        if (!page.links.next) break;
        links.push(page.links.next.uri);
        path = page.links.next.uri.startsWith('/v1/') ? page.links.next.uri : `/v1${page.links.next.uri}`;
        headers = Object.fromEntries(page.links.next.headers.map((h) => [h.key, h.value]));
      }
      assert.strictEqual(new Set(ids).size, 1200);
      assert.deepStrictEqual(links.map((l) => l.startsWith('/v1/')), [false, true]);
    } finally {
      await rig.close();
    }
  });

  it('POST qualifications needs app+user and starts InReview; validations list', async () => {
    const rig = await startRig();
    try {
      const post = (token: string) => request(`${rig.sim.apiBaseUrl}/v1/customers/${DEMO_TENANTS.none}/qualifications`, {
        method: 'POST', dispatcher: rig.dispatcher, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ qualification: 'Education', educationSegment: 'K12', website: 'example.edu' }),
      });
      const appOnly = await post(await rig.auth.getToken({}));
      assert.strictEqual(appOnly.statusCode, 403);
      await appOnly.body.text();
      const user = new UserSignIn({ cloud: rig.cloud, tenantId: rig.sim.partnerTenantId, clientId: 'd0d0d0d0-0000-4000-8000-00000000000d', dispatcher: rig.dispatcher, secrets: new (await import('../../src/core/auth/secretStore')).MemorySecretStore() });
      await user.signInWithDeviceCode(() => undefined);
      const created = await post(await user.getToken({}));
      assert.strictEqual(created.statusCode, 201);
      assert.strictEqual(((await created.body.json()) as { vettingStatus: string }).vettingStatus, 'InReview');
      assert.strictEqual((await rig.client.getQualifications(DEMO_TENANTS.none)).qualifications[0]?.status, 'InReview');
      const v = await request(`${rig.sim.apiBaseUrl}/v1/customers/all/validations`, { dispatcher: rig.dispatcher, headers: { authorization: `Bearer ${await rig.auth.getToken({})}` } });
      assert.ok(((await v.body.json()) as { validationId: string }[])[0]?.validationId);
    } finally {
      await rig.close();
    }
  });

  it('refuses a token for another audience and a request without one', async () => {
    const rig = await startRig();
    try {
      const none = await request(`${rig.sim.apiBaseUrl}/v1/customers/${DEMO_TENANTS.approved}/qualifications`, { dispatcher: rig.dispatcher });
      assert.strictEqual(none.statusCode, 401);
      assert.match(await none.body.text(), /800001/);
    } finally {
      await rig.close();
    }
  });
});
