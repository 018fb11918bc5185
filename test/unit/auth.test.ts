import * as assert from 'assert';
import { generate } from 'selfsigned';
import { request } from 'undici';
import { AppSignIn, certificateFromPem } from '../../src/core/auth/appSignIn';
import { APP_CREDENTIAL_KEY, KEY_INDEX, indexKey, msalCacheKey, removeAllKeys, signInKeys } from '../../src/core/auth/secretKeys';
import { MemorySecretStore } from '../../src/core/auth/secretStore';
import { UserSignIn } from '../../src/core/auth/userSignIn';
import { PartnerCenterError } from '../../src/core/client/errors';
import { PartnerCenterClient } from '../../src/core/client/partnerCenterClient';
import { DEMO_TENANTS } from '../../src/core/simulator/customers';
import { Rig, startRig } from './fixture';

const PUBLIC_CLIENT = 'd0d0d0d0-0000-4000-8000-00000000000d';

async function kindOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    assert.ok(e instanceof PartnerCenterError, String(e));
    return e.kind;
  }
}

describe('sign-in with msal-node against the simulator', () => {
  let rig: Rig;
  afterEach(async () => { await rig?.close(); });

  it('app-only with a client secret: token cache lands in the secret store', async () => {
    rig = await startRig();
    const r = await rig.client.getQualifications(DEMO_TENANTS.approved);
    assert.strictEqual(r.qualifications.length, 1);
    const cache = rig.secrets.values.get(AppSignIn.cacheKey(rig.appClientId));
    assert.ok(cache && cache.includes('AccessToken'), 'MSAL cache serialized into the store');
  });

  it('app-only with a wrong secret is refused with a clear message', async () => {
    rig = await startRig();
    const bad = new AppSignIn({ cloud: rig.cloud, tenantId: rig.sim.partnerTenantId, clientId: rig.appClientId, dispatcher: rig.dispatcher, secrets: new MemorySecretStore() }, { kind: 'secret', secret: 'not-the-secret' });
    await assert.rejects(bad.getToken({}), (e: PartnerCenterError) => e.kind === 'auth-required' && /AADSTS7000215/.test(e.message) && !e.message.includes('not-the-secret'));
  });

  it('app-only with a certificate (SHA-256 thumbprint, signed assertion verified by the simulator)', async () => {
    const cert = await generate([{ name: 'commonName', value: 'partner-app' }], { keyType: 'rsa', keySize: 2048, algorithm: 'sha256' });
    const pem = `${cert.cert}\n${cert.private}`;
    const clientId = 'e0e0e0e0-0000-4000-8000-00000000000e';
    rig = await startRig({ extraApps: [{ clientId, certificate: cert.cert }] });
    const secrets = new MemorySecretStore();
    const auth = new AppSignIn({ cloud: rig.cloud, tenantId: rig.sim.partnerTenantId, clientId, dispatcher: rig.dispatcher, secrets }, { kind: 'certificate', pem });
    const client = new PartnerCenterClient({ cloud: rig.cloud, tokens: auth, dispatcher: rig.dispatcher });
    assert.strictEqual((await client.getQualifications(DEMO_TENANTS.denied)).qualifications[0]?.status, 'Denied');
    assert.match(certificateFromPem(pem).thumbprintSha256, /^[0-9a-f]{64}$/);
    assert.throws(() => certificateFromPem(cert.cert), /no private key/);
  });

  function userSignIn(r: Rig, secrets = new MemorySecretStore()) {
    return new UserSignIn({ cloud: r.cloud, tenantId: r.sim.partnerTenantId, clientId: PUBLIC_CLIENT, dispatcher: r.dispatcher, secrets, logger: r.logger });
  }

  it('app+user device code: shows the code, signs in, calls the API, refreshes silently', async () => {
    rig = await startRig();
    const secrets = new MemorySecretStore();
    const user = userSignIn(rig, secrets);
    let prompt = '';
    const account = await user.signInWithDeviceCode((p) => { prompt = `${p.userCode} ${p.verificationUri}`; });
    assert.strictEqual(account.username, 'admin@partner.onmicrosoft.com');
    assert.match(prompt, /^[0-9A-F]{9} https:\/\/127\.0\.0\.1:\d+\/.+\/devicelogin$/);
    const client = new PartnerCenterClient({ cloud: rig.cloud, tokens: user, dispatcher: rig.dispatcher });
    assert.strictEqual((await client.getQualifications(DEMO_TENANTS.inReview)).qualifications[0]?.status, 'InReview');
    // a new instance over the same store is still signed in (cache persisted), and refreshes on demand
    const again = userSignIn(rig, secrets);
    assert.strictEqual((await again.account())?.username, 'admin@partner.onmicrosoft.com');
    const before = rig.sim.identity.tokenRequests;
    await again.getToken({ forceRefresh: true });
    assert.strictEqual(rig.sim.identity.tokenRequests, before + 1, 'refresh-token grant');
  });

  it('app+user browser flow (authorization code + PKCE over a loopback redirect)', async () => {
    rig = await startRig();
    const user = userSignIn(rig);
    const account = await user.signInWithBrowser(async (url) => {
      // what a browser does: load the authorize page, submit its form_post to MSAL's loopback listener
      const page = await request(url, { dispatcher: rig.dispatcher });
      const html = await page.body.text();
      assert.match(url, /code_challenge_method=S256/);
      const action = /action="([^"]+)"/.exec(html)![1]!.replace(/&#38;/g, '&');
      const fields = [...html.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!] as [string, string]);
      const posted = await request(action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
      assert.match(await posted.body.text(), /Signed in to Partner Center/);
    });
    assert.strictEqual(account.tenantId, rig.sim.partnerTenantId);
    assert.match(await user.getToken({}), /^ey/);
  });

  it('revoked refresh token becomes "sign in again"; MFA-less sign-in is refused by the API', async () => {
    rig = await startRig();
    const user = userSignIn(rig);
    await user.signInWithDeviceCode(() => undefined);
    rig.sim.revokeRefreshTokens();
    assert.strictEqual(await kindOf(user.getToken({ forceRefresh: true })), 'auth-required');

    rig.sim.setUserMfa(false);
    const noMfa = userSignIn(rig);
    await noMfa.signInWithDeviceCode(() => undefined);
    const client = new PartnerCenterClient({ cloud: rig.cloud, tokens: noMfa, dispatcher: rig.dispatcher });
    assert.strictEqual(await kindOf(client.getQualifications(DEMO_TENANTS.approved)), 'mfa-required');
  });

  it('not signed in is auth-required; sign-out removes the account and its cache', async () => {
    rig = await startRig();
    const secrets = new MemorySecretStore();
    const user = userSignIn(rig, secrets);
    assert.strictEqual(await kindOf(user.getToken({})), 'auth-required');
    await user.signInWithDeviceCode(() => undefined);
    assert.ok(secrets.values.has(UserSignIn.cacheKey(PUBLIC_CLIENT)));
    await user.signOut();
    assert.strictEqual(secrets.values.has(UserSignIn.cacheKey(PUBLIC_CLIENT)), false);
    assert.strictEqual(await user.account(), undefined);
    assert.strictEqual(await kindOf(user.getToken({})), 'auth-required');
  });

  it('every token cache is listed in the key index before it is written; removeAllKeys clears every client id and mode', async () => {
    rig = await startRig();
    const secrets = new MemorySecretStore();
    const order: string[] = [];
    const store = secrets.store.bind(secrets);
    secrets.store = async (k, v) => { order.push(k); await store(k, v); };
    await userSignIn(rig, secrets).signInWithDeviceCode(() => undefined);
    const cache = UserSignIn.cacheKey(PUBLIC_CLIENT);
    assert.ok(order.indexOf(KEY_INDEX) >= 0 && order.indexOf(KEY_INDEX) < order.indexOf(cache), `index first: ${order.join(', ')}`);
    secrets.values.set(APP_CREDENTIAL_KEY, '{}');
    await indexKey(secrets, msalCacheKey('app', 'other-client'));
    secrets.values.set(msalCacheKey('app', 'other-client'), 'cache');
    const removed = await removeAllKeys(secrets, signInKeys('current-client'));
    assert.deepStrictEqual(removed.sort(), [APP_CREDENTIAL_KEY, cache, msalCacheKey('app', 'other-client')].sort());
    assert.deepStrictEqual([...secrets.values.keys()], []);
  });

  it('cancels a device-code sign-in that nobody approves', async () => {
    rig = await startRig({ sim: { autoApproveDeviceCodes: false } });
    const user = userSignIn(rig);
    const ac = new AbortController();
    const p = user.signInWithDeviceCode(() => setTimeout(() => ac.abort(), 50), ac.signal);
    assert.strictEqual(await kindOf(p), 'cancelled');
  });

  it('serializes concurrent token requests (one token call, cache intact)', async () => {
    rig = await startRig();
    const before = rig.sim.identity.tokenRequests;
    const tokens = await Promise.all(Array.from({ length: 10 }, () => rig.auth.getToken({})));
    assert.strictEqual(new Set(tokens).size, 1);
    assert.strictEqual(rig.sim.identity.tokenRequests - before, 1);
    JSON.parse(rig.secrets.values.get(AppSignIn.cacheKey(rig.appClientId))!);
  });
});
