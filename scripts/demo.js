// npm run demo: the extension's main job on the embedded default. Starts the Partner Center simulator
// (demo customers in every state), a demo workspace listing them, and a real VS Code (code-server) with the
// extension installed and pointed at the simulator. Open the printed URL; Ctrl+C stops everything.
//   PCQ_DEMO_PORT (default 8765)
//   PCQ_DEMO_SMOKE=1 checks the start-up in headless Chromium (the workbench loads, the extension activates
//   and lists the demo tenants, the device sign-in page opens through code-server's port forwarding), then exits
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startCodeServer } = require('../test/harness/codeServer');
const { runtimes } = require('../test/harness/runtimes');
const { startSimulator } = require('../out/src/core/simulator/simulator');
const { demoDirectory, demoWorkspaceCustomers } = require('../out/src/core/simulator/customers');

const root = path.resolve(__dirname, '..');
const DEMO_CLIENT_ID = 'd0d0d0d0-0000-4000-8000-00000000000d';
const VERSION = '1.139.1'; // the one VS Code the demo installs (scripts/demo.sh)
const smoke = !!process.env.PCQ_DEMO_SMOKE;

async function smokeTest(vs, sim, customers) {
  const { page } = vs;
  const started = Date.now();
  await page.waitForSelector('.monaco-workbench .part.activitybar', { timeout: 90_000 });
  // the view container is contributed by the extension; its rows need the extension activated
  await page.locator('.activitybar .action-item a[aria-label^="Partner Center"], .activitybar .action-item[aria-label^="Partner Center"]').first().click({ timeout: 30_000 });
  await page.locator('.pane:has(.pane-header[aria-label^="Customers"]) .monaco-list-row', { hasText: 'Contoso University' }).first().waitFor({ timeout: 30_000 });
  const rows = await page.locator('.pane:has(.pane-header[aria-label^="Customers"]) .monaco-list-row').count();
  console.log(`smoke: the extension activated and lists the demo tenants (${rows} rows, ${Math.round((Date.now() - started) / 1000)} s)`);
  // what "Copy Code and Open" opens: the simulator's device page through code-server's /proxy/<port>/
  const port = new URL(sim.origin).port;
  const res = await fetch(`${new URL(vs.url).origin}/proxy/${port}/${sim.partnerTenantId}/devicelogin`);
  const body = await res.text();
  if (res.status !== 200 || !/Enter the code/.test(body)) throw new Error(`the device page through port forwarding answered ${res.status}: ${body.slice(0, 200)}`);
  console.log('smoke: the device sign-in page opens through port forwarding');
  if (rows < Math.min(customers.length, 10)) throw new Error(`only ${rows} rows`);
  // notifications show as toasts here (no smoke-test driver): Refresh All before sign-in raises one
  await page.keyboard.press('F1');
  await page.keyboard.type('Partner Center: Refresh All', { delay: 5 });
  await page.locator('.quick-input-list .monaco-list-row[aria-label^="Partner Center: Refresh All"]').first().click({ timeout: 10_000 });
  await page.locator('.notifications-toasts .notification-list-item-message', { hasText: 'Sign in to Partner Center' }).first().waitFor({ timeout: 10_000 });
  console.log('smoke: messages show as toasts');
}

(async () => {
  const runtime = runtimes.find((r) => r.name === VERSION);
  // a person approves the device code on the simulator's page, as on Microsoft's (it opens through code-server);
  // two customers In Review get their verdict by themselves: Approved a minute after sign-in, Denied after two
  const sim = await startSimulator({ autoApproveDeviceCodes: false, customers: demoDirectory() });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcq-demo-'));
  const caFile = path.join(dir, 'simulator-ca.pem');
  fs.writeFileSync(caFile, sim.caCert);
  const workspace = path.join(dir, 'Contoso Partner Workspace');
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  // the workspace lists some of the simulator's customers: Import Customers finds the others
  const customers = demoWorkspaceCustomers().map((c) => ({ tenantId: c.tenantId, name: c.name }));
  customers.push('not-a-tenant-id'); // shows how a bad entry looks
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'partnerCenter.customers': customers }, null, 2));
  fs.writeFileSync(path.join(workspace, 'README.md'), '# Demo workspace\n\nOpen the Partner Center view in the activity bar, run **Partner Center: Sign In** (app + user, device code), click **Copy Code and Open** in the sign-in notification, paste the code on the simulator\'s page, then **Refresh All**.\n');
  console.log(`== starting VS Code ${runtime.name} with the extension${smoke ? ' (smoke test)' : ''}...`);
  const vs = await startCodeServer({
    server: runtime.server, node: runtime.node, ext: root, workspace, installed: true,
    browser: smoke, port: smoke ? undefined : Number(process.env.PCQ_DEMO_PORT || 8765),
    settings: {
      'partnerCenter.cloud': 'custom',
      'partnerCenter.customCloud': { apiBaseUrl: sim.apiBaseUrl, authority: sim.authorityHost, caFile },
      'partnerCenter.signIn.mode': 'user',
      'partnerCenter.signIn.clientId': DEMO_CLIENT_ID,
      'partnerCenter.signIn.tenantId': sim.partnerTenantId,
      'workbench.colorTheme': 'Default Dark Modern',
      // the demo installs the extension (a development-only shorter interval does not apply): the public minimum
      'partnerCenter.watch.intervalMinutes': 15,
    },
  });
  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    await vs.close();
    if (code && smoke) console.error(vs.logs().server.split('\n').slice(-30).join('\n'));
    vs.cleanup();
    await sim.close();
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(code);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  if (smoke) {
    try {
      await smokeTest(vs, sim, customers);
      console.log('smoke: ok');
      await stop(0);
    } catch (e) {
      console.error(`smoke: FAILED: ${e.message}`);
      await stop(1);
    }
    return;
  }
  console.log(`
Partner Center Qualifications demo (VS Code ${runtime.name}, extension from ${root})
  Open:       ${vs.url.replace(/\?.*$/, '')}?folder=${encodeURIComponent(workspace)}
  Simulator:  ${sim.apiBaseUrl} (${demoDirectory().length} customers, ${customers.length - 1} listed in the workspace; CA ${caFile})
  Then: Partner Center view > Sign In (app + user: device code) > "Copy Code and Open" in the notification >
        paste the code on the simulator's page > Refresh All.
  Verdicts: Alpine Ski House Academy turns Approved a minute after sign-in, Lamna Healthcare Denied after two;
        Refresh All then summarises the changes (the watch re-checks In Review tenants every 15 minutes).
  Import: "Import Customers..." in the view's "..." menu lists the ${demoDirectory().length - (customers.length - 1)} customers not in the workspace yet.
Press Ctrl+C to stop.`);
})().catch((e) => { console.error(e); process.exit(1); });
