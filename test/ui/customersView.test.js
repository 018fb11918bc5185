// Tier 3: the extension as a person uses it, in a real VS Code workbench (code-server + Chromium):
// open the view, sign in and refresh from the command palette, read the rendered rows, reload, and keep
// screenshots of every state in both themes under artifacts/screenshots/<version>/.
'use strict';
const assert = require('assert');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startCodeServer } = require('../harness/codeServer');
const { selectedRuntimes } = require('../harness/runtimes');
const { startSimulator } = require('../../out/src/core/simulator/simulator');
const { DEMO_TENANTS, demoCustomers } = require('../../out/src/core/simulator/customers');
const ui = require('./workbench');

const root = path.resolve(__dirname, '..', '..');
const APP_CLIENT_ID = 'c0c0c0c0-0000-4000-8000-00000000000c';

function demoWorkspace(customers) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcq-ui-ws-'));
  fs.mkdirSync(path.join(dir, '.vscode'));
  const entries = customers.map((c) => ({ tenantId: c.tenantId, name: c.name }));
  entries.splice(3, 0, 'contoso.onmicrosoft.com'); // a bad entry, shown as a warning row
  fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'partnerCenter.customers': entries }, null, 2));
  return dir;
}

for (const runtime of selectedRuntimes()) {
  for (const theme of ['dark', 'light']) {
    describe(`UI on VS Code ${runtime.name} (${theme})`, function () {
      this.timeout(180_000);
      let sim, vs, page, workspace, caDir;
      const secret = `sim-${crypto.randomBytes(18).toString('base64url')}`;
      const shots = path.join(root, 'artifacts', 'screenshots', runtime.name);
      // the workbench may change its theme after a reload: make sure the screenshot shows the one asked for
      const shot = async (name) => { await ui.useTheme(page, theme); await page.screenshot({ path: path.join(shots, `${theme}-${name}.png`) }); };

      before(async () => {
        fs.mkdirSync(shots, { recursive: true });
        sim = await startSimulator({ confidentialApps: [{ clientId: APP_CLIENT_ID, secret }] });
        caDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcq-ui-ca-'));
        fs.writeFileSync(path.join(caDir, 'ca.pem'), sim.caCert);
        workspace = demoWorkspace(demoCustomers());
        vs = await startCodeServer({
          server: runtime.server, node: runtime.node, vscodeOptions: runtime.vscodeOptions, ext: root, workspace, theme,
          settings: {
            'partnerCenter.cloud': 'custom',
            'partnerCenter.customCloud': { apiBaseUrl: sim.apiBaseUrl, authority: sim.authorityHost, caFile: path.join(caDir, 'ca.pem') },
            'workbench.tree.indent': 14,
          },
        });
        page = vs.page;
        await ui.waitForWorkbench(page, theme);
      });

      after(async () => {
        await vs?.close();
        if (this.currentTest?.state === 'failed' || process.env.PCQ_UI_LOGS) {
        const logs = vs?.logs();
        console.log(`${logs?.server.split('\n').slice(-40).join('\n')}\n---- Partner Center log ----\n${logs?.extension}`);
      }
        vs?.cleanup();
        await sim?.close();
        for (const d of [workspace, caDir]) if (d) fs.rmSync(d, { recursive: true, force: true });
      });

      it('opens the Partner Center view: tenants from settings, a warning row, not signed in', async () => {
        await ui.openView(page);
        await ui.widenSideBar(page);
        const rows = await ui.waitForRows(page, (r) => r.length >= 10, 'tenant rows');
        assert.ok(rows.some((r) => /entry 3: "contoso\.onmicrosoft\.com" is not a tenant id/.test(r.text)), 'warning row for the bad entry');
        assert.ok(rows.some((r) => /Contoso University/.test(r.text) && /never checked/.test(r.text)));
        assert.match(await ui.viewMessage(page), /Not signed in/);
        await shot('1-not-signed-in');
      });

      it('signs in app-only from the palette with input boxes', async () => {
        await ui.runCommand(page, 'Partner Center: Sign In');
        await ui.answerQuickInput(page, null, { pick: 'client secret' });
        await ui.answerQuickInput(page, APP_CLIENT_ID);
        await ui.answerQuickInput(page, sim.partnerTenantId);
        const type = await page.getAttribute('.quick-input-widget:not([style*="display: none"]) input', 'type');
        assert.strictEqual(type, 'password', 'the secret box hides what is typed');
        await ui.answerQuickInput(page, secret);
        await ui.waitFor(page, async () => !/Not signed in/.test(await ui.viewMessage(page)), 'the "Not signed in" message to go');
        await ui.clearNotifications(page);
      });

      it('Refresh All from the palette fills every row with its status', async () => {
        await ui.runCommand(page, 'Partner Center: Refresh All');
        const rows = await ui.waitForRows(page, (r) => r.filter((x) => /checked|failed/.test(x.text) && !/never checked/.test(x.text)).length >= 13, 'refreshed rows');
        assert.ok(rows.some((r) => /Contoso University/.test(r.text) && /checked/.test(r.text)));
        await ui.expandRow(page, 'Northwind Traders');
        await ui.expandRow(page, 'City of Tailspin');
        await ui.expandRow(page, 'Proseware');
        const has = (rows, re) => rows.some((x) => re.test(x.text));
        await ui.waitForRows(page, (r) => has(r, /Not an Academic Domain/) && has(r, /GovernmentCommunityCloud.*Approved/) && has(r, /No reseller relationship/), 'expanded rows');
        assert.match(await ui.viewMessage(page), /^5 approved · 1 in review · 1 denied · 1 unknown · 2 none · 3 failed\./);
        assert.match(await ui.viewHeader(page), /Customers - 5 approved, 1 in review, 1 denied, 1 unknown, 2 none, 3 failed/);
        await ui.clearNotifications(page);
        await page.mouse.move(1200, 780);
        await shot('2-refreshed');
      });

      it('after a reload the last results come back, marked as from the last session', async () => {
        await page.reload();
        await ui.waitForWorkbench(page, theme);
        await ui.openView(page);
        await ui.widenSideBar(page);
        const rows = await ui.waitForRows(page, (r) => r.some((x) => /from last session/.test(x.text)), 'remembered rows');
        assert.ok(rows.some((r) => /Contoso University/.test(r.text) && /from last session/.test(r.text)));
        await page.waitForTimeout(1500); // let the theme settle after the reload
        await shot('3-after-reload');
      });
    });
  }
}
