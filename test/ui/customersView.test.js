// Tier 3: the extension as a person uses it, in a real VS Code workbench (code-server + Chromium):
// open the view, sign in and refresh from the command palette, read the rendered rows, reload, and keep
// screenshots of every state in both themes under artifacts/screenshots/<version>/.
'use strict';
const assert = require('assert');
const path = require('path');
const { selectedRuntimes } = require('../harness/runtimes');
const { DEMO_TENANTS, demoCustomers } = require('../../out/src/core/simulator/customers');
const { APP_CLIENT_ID, startUiSession } = require('./session');
const ui = require('./workbench');

/** Every demo customer, with a bad entry (shown as a warning row) at index 3. */
function demoEntries() {
  const entries = demoCustomers().map((c) => ({ tenantId: c.tenantId, name: c.name }));
  entries.splice(3, 0, 'contoso');
  return entries;
}

for (const runtime of selectedRuntimes()) {
  for (const theme of ['dark', 'light']) {
    describe(`UI on VS Code ${runtime.name} (${theme})`, function () {
      this.timeout(180_000);
      let session, sim, page, secret;
      // the workbench may change its theme after a reload: make sure the screenshot shows the one asked for
      const shot = async (name) => { await ui.useTheme(page, theme); await page.screenshot({ path: path.join(session.shots, `${theme}-${name}.png`) }); };

      before(async () => {
        session = await startUiSession({ runtime, theme, customers: demoEntries(), settings: { 'workbench.tree.indent': 14 } });
        ({ sim, page, secret } = session);
      });

      afterEach(function () { return session?.afterEach(this.currentTest); });

      after(() => session?.close());

      it('opens the Partner Center view: tenants from settings, a warning row, not signed in', async () => {
        await ui.openView(page);
        // screenshots at the side bar's default width: what a user sees first
        assert.ok((await page.locator('.part.sidebar').boundingBox()).width < 360, 'default side bar width');
        const rows = await ui.waitForRows(page, (r) => r.length >= 10, 'tenant rows');
        assert.ok(rows.some((r) => /entry 4: "contoso" is not a tenant id/.test(r.text)), 'warning row for the bad entry');
        assert.ok(rows.some((r) => /Contoso University/.test(r.text) && /not checked/.test(r.text)));
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
        const rows = await ui.waitForRows(page, (r) => r.filter((x) => /ago|now|failed/.test(x.text) && !/not checked/.test(x.text)).length >= 13, 'refreshed rows');
        assert.ok(rows.some((r) => /Contoso University/.test(r.text) && /Education · /.test(r.text)));
        assert.ok(rows.some((r) => /Northwind Traders/.test(r.text) && /Education: Not an Academic Domain/.test(r.text)));
        assert.ok(rows.some((r) => /City of Tailspin/.test(r.text) && /GCC · SOE/.test(r.text)));
        await ui.expandRow(page, 'Northwind Traders');
        await ui.expandRow(page, 'City of Tailspin');
        await ui.expandRow(page, 'Proseware');
        const has = (rows, re) => rows.some((x) => re.test(x.text));
        await ui.waitForRows(page, (r) => has(r, /Not an Academic Domain/) && has(r, /GovernmentCommunityCloud.*Approved/) && has(r, /No reseller relationship/), 'expanded rows');
        assert.match(await ui.viewMessage(page), /^5 approved · 1 in review · 1 denied · 1 unknown · 2 no qualification · 3 failed\./);
        assert.match(await ui.viewHeader(page), /Customers - 5 approved, 1 in review, 1 denied, 1 unknown, 2 no qualification, 3 failed/);
        await ui.clearNotifications(page);
        await page.mouse.move(1200, 780);
        await shot('2-refreshed');
      });

      it('after a reload the last results come back, marked as from the last session', async () => {
        await page.reload();
        await ui.waitForWorkbench(page, theme);
        await ui.openView(page);
        const rows = await ui.waitForRows(page, (r) => r.some((x) => /last session/.test(x.text)), 'remembered rows');
        assert.ok(rows.some((r) => /Contoso University/.test(r.text) && /last session/.test(r.text)));
        await page.waitForTimeout(1500); // let the theme settle after the reload
        await shot('3-after-reload');
      });
    });
  }
}
