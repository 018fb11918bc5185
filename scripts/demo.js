// npm run demo: the extension's main job on the embedded default. Starts the Partner Center simulator
// (demo customers in every state), a demo workspace listing them, and a real VS Code (code-server) with the
// extension loaded and pointed at the simulator. Open the printed URL; Ctrl+C stops everything.
//   PCQ_DEMO_PORT (default 8765)   PCQ_DEMO_SMOKE=1 checks the start-up and exits
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startCodeServer } = require('../test/harness/codeServer');
const { runtimes } = require('../test/harness/runtimes');
const { startSimulator } = require('../out/src/core/simulator/simulator');
const { demoCustomers, timelineCustomers } = require('../out/src/core/simulator/customers');

const root = path.resolve(__dirname, '..');
const DEMO_CLIENT_ID = 'd0d0d0d0-0000-4000-8000-00000000000d';

(async () => {
  // two customers In Review get their verdict by themselves: Approved a minute after sign-in, Denied after two
  const sim = await startSimulator({ customers: [...demoCustomers(), ...timelineCustomers()] });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcq-demo-'));
  const caFile = path.join(dir, 'simulator-ca.pem');
  fs.writeFileSync(caFile, sim.caCert);
  const workspace = path.join(dir, 'Contoso Partner Workspace');
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  const customers = [...demoCustomers(), ...timelineCustomers()].map((c) => ({ tenantId: c.tenantId, name: c.name }));
  customers.push('not-a-tenant-id'); // shows how a bad entry looks
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'partnerCenter.customers': customers }, null, 2));
  fs.writeFileSync(path.join(workspace, 'README.md'), '# Demo workspace\n\nOpen the Partner Center view in the activity bar, run **Partner Center: Sign In** (app + user, device code: the simulator approves it), then **Refresh All**.\n');
  const runtime = runtimes[0];
  const vs = await startCodeServer({
    server: runtime.server, node: runtime.node, vscodeOptions: runtime.vscodeOptions, ext: root, workspace,
    browser: false, port: Number(process.env.PCQ_DEMO_PORT || 8765),
    settings: {
      'partnerCenter.cloud': 'custom',
      'partnerCenter.customCloud': { apiBaseUrl: sim.apiBaseUrl, authority: sim.authorityHost, caFile },
      'partnerCenter.signIn.mode': 'user',
      'partnerCenter.signIn.clientId': DEMO_CLIENT_ID,
      'partnerCenter.signIn.tenantId': sim.partnerTenantId,
      'workbench.colorTheme': 'Default Dark Modern',
      // development-only (ignored by an installed extension): watch In Review tenants every 30 s, not 15+ min
      'partnerCenter.development.watchIntervalSeconds': 30,
    },
  });
  console.log(`
Partner Center Qualifications demo (VS Code ${runtime.name}, extension from ${root})
  Open:       ${vs.url}
  Simulator:  ${sim.apiBaseUrl} (${customers.length - 1} customers, CA ${caFile})
  Then: Partner Center view > Sign In (app + user: device code, approved by the simulator) > Refresh All.
  Watch: Alpine Ski House Academy turns Approved a minute after sign-in, Lamna Healthcare Denied after two
  (watched every 30 s in the demo); a notification says so and the status bar follows.
Press Ctrl+C to stop.`);
  const stop = async () => {
    await vs.close();
    vs.cleanup();
    await sim.close();
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (process.env.PCQ_DEMO_SMOKE) {
    const res = await fetch(vs.url);
    console.log(`smoke: workbench answered ${res.status}`);
    await stop();
  }
})().catch((e) => { console.error(e); process.exit(1); });
