// VS Code's own network settings (http.proxy, http.proxyAuthorization, http.noProxy, http.proxyStrictSSL)
// reach sign-in and API calls, and a change applies to the next call without a reload.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { DEMO_TENANTS, World, getWorld, setCustomers, signInApp } from './helpers';
import { startConnectProxy } from '../support/connectProxy';

const AUTH = 'Basic cGFydG5lcjpvcHM='; // partner:ops, a test proxy's password

describe('VS Code network settings', () => {
  let w: World;
  const http = () => vscode.workspace.getConfiguration('http');
  const G = vscode.ConfigurationTarget.Global;
  const refresh = () => w.api.refresher.refreshTenants([DEMO_TENANTS.approved]);

  before(async () => {
    w = await getWorld();
    await setCustomers([DEMO_TENANTS.approved]);
    await signInApp(w);
  });

  after(async () => {
    for (const key of ['proxy', 'proxyAuthorization', 'noProxy', 'proxyStrictSSL']) await http().update(key, undefined, G);
  });

  it('follows http.proxy with its authorization, then http.noProxy, as they change', async () => {
    const proxy = await startConnectProxy(AUTH);
    const sim = new URL(w.sim.apiBaseUrl).host;
    try {
      await http().update('proxy', proxy.url, G);
      await http().update('proxyAuthorization', AUTH, G);
      assert.strictEqual((await refresh()).succeeded, 1);
      assert.ok(proxy.seen.some((s) => s.target === sim && s.auth === AUTH), `a tunnel to ${sim} with the proxy's authorization`);

      // bypass: the proxy now refuses (and cuts its tunnels), so only a direct call can succeed
      await http().update('noProxy', ['127.0.0.1'], G);
      proxy.refuse(true);
      const tunnels = proxy.seen.length;
      assert.strictEqual((await refresh()).succeeded, 1);
      assert.strictEqual(proxy.seen.length, tunnels, 'no tunnel asked for a no-proxy host');

      // and back through the proxy when noProxy goes away
      proxy.refuse(false);
      await http().update('noProxy', undefined, G);
      assert.strictEqual((await refresh()).succeeded, 1);
      assert.ok(proxy.seen.length > tunnels, 'a new tunnel through the proxy');

      // no proxy at all: calls go direct
      await http().update('proxy', undefined, G);
      proxy.refuse(true);
      assert.strictEqual((await refresh()).succeeded, 1);
    } finally {
      await proxy.close();
    }
  });

  it('http.proxyStrictSSL off accepts a server certificate VS Code does not trust', async function () {
    this.timeout(60_000);
    const config = vscode.workspace.getConfiguration('partnerCenter');
    const withCa = config.inspect('customCloud')?.globalValue;
    try {
      // without the simulator's CA its certificate is untrusted ...
      await config.update('customCloud', { apiBaseUrl: w.sim.apiBaseUrl, authority: w.sim.authorityHost }, G);
      await refresh();
      assert.match(w.api.store.book.get(DEMO_TENANTS.approved)?.failure?.message ?? '', /TLS certificate is not trusted/);
      // ... unless the user turned strict checking off
      await http().update('proxyStrictSSL', false, G);
      assert.strictEqual((await refresh()).succeeded, 1);
    } finally {
      await http().update('proxyStrictSSL', undefined, G);
      await config.update('customCloud', withCa, G);
    }
  });
});
