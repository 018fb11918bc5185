// Tier 3: vetting changes as a person sees them: a watched In Review customer gets its verdict in a
// notification with nobody touching anything, a refresh that turns an Approved customer Denied warns, and the
// status bar item sums it up. Screenshots in artifacts/screenshots/<version>/changes-*.png.
'use strict';
const assert = require('assert');
const path = require('path');
const { selectedRuntimes } = require('../harness/runtimes');
const { DEMO_TENANTS, TIMELINE_TENANTS, demoCustomers, timelineCustomers } = require('../../out/src/core/simulator/customers');
const { startUiSession } = require('./session');
const ui = require('./workbench');

const STATUS_ITEM = '.statusbar-item[id$="partnerCenter.summary"]';

const pick = (ids) => [...demoCustomers(), ...timelineCustomers()].filter((c) => ids.includes(c.tenantId));

for (const runtime of selectedRuntimes()) {
  describe(`UI: vetting changes on VS Code ${runtime.name}`, function () {
    this.timeout(180_000);
    let session, sim, page;
    const shot = (name) => page.screenshot({ path: path.join(session.shots, `changes-${name}.png`) });
    const statusText = () => page.locator(STATUS_ITEM).first().innerText({ timeout: 2000 }).catch(() => '');
    const hideNotifications = async () => {
      await page.keyboard.press('Escape');
      const hide = page.locator('.notifications-center.visible [aria-label^="Hide Notifications"]').first();
      if (await hide.isVisible().catch(() => false)) await hide.click();
      await page.waitForTimeout(500);
    };
    const notification = (re, timeoutMs) => ui.findNotification(page, re, timeoutMs);

    before(async () => {
      const customers = pick([DEMO_TENANTS.approved, DEMO_TENANTS.denied, DEMO_TENANTS.nonprofit, TIMELINE_TENANTS.turnsApproved]);
      session = await startUiSession({
        runtime, theme: 'dark', customers: customers.map((c) => ({ tenantId: c.tenantId, name: c.name })),
        // development only (the extension runs from source): watch every 3 s instead of 15 minutes or more
        settings: { 'partnerCenter.development.watchIntervalSeconds': 3, 'workbench.tree.indent': 14 },
      });
      ({ sim, page } = session);
      // Northwind starts Approved here (it is Denied in the demo set); Alpine Ski House is In Review with no script yet
      sim.api.customers.get(DEMO_TENANTS.denied).qualifications = [{ qualification: 'Education', vettingStatus: 'Approved', vettingCreateDate: '2026-10-14T16:20:05Z' }];
      sim.api.upsert({ ...timelineCustomers()[0], vettingTimeline: undefined });
    });

    afterEach(function () { return session?.afterEach(this.currentTest); });
    after(() => session?.close());

    it('signs in and refreshes: the status bar item sums up the workspace', async () => {
      await ui.openView(page);
      await ui.waitForRows(page, (r) => r.length >= 4, 'tenant rows');
      await session.signInAppOnly();
      await ui.runCommand(page, 'Partner Center: Refresh All');
      await ui.waitFor(page, async () => /4\s+\S*\s*3\s+\S*\s*1\s+\S*\s*0/.test(await statusText()), 'status bar counts 4 / 3 / 1 / 0');
      const aria = await page.locator(STATUS_ITEM).first().getAttribute('aria-label');
      assert.match(aria, /4 tenants, 3 approved, 1 in review, 0 denied/);
      await ui.clearNotifications(page);
    });

    it('a watched In Review customer turns Approved: the notification comes by itself', async () => {
      sim.setVettingTimeline(TIMELINE_TENANTS.turnsApproved, { qualification: 'Education', steps: [{ afterMs: 4000, status: 'Approved' }] });
      await notification(/Alpine Ski House Academy: Education vetting is now Approved\./, 60_000);
      await ui.expandRow(page, 'Alpine Ski House Academy');
      await ui.waitForRows(page, (r) => r.some((x) => /Education.*Approved · changed from In review/.test(x.text)), 'the row says what it was');
      await ui.waitFor(page, async () => /4\s+\S*\s*4\s+\S*\s*0\s+\S*\s*0/.test(await statusText()), 'status bar counts 4 / 4 / 0 / 0');
      await page.mouse.move(1200, 780);
      await shot('1-verdict-notification');
      await ui.clearNotifications(page);
      await hideNotifications();
    });

    it('a refresh that turns an Approved customer Denied off screen warns, marks the row, and the status bar turns to warning until the view shows', async () => {
      // the Customers view off screen: a denial seen while it shows raises no warning background
      await ui.runCommand(page, 'View: Close Primary Side Bar');
      await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 10_000 });
      sim.api.customers.get(DEMO_TENANTS.denied).qualifications = [{ qualification: 'Education', vettingStatus: 'Denied', vettingReason: 'No longer an Education Customer', vettingCreateDate: '2026-10-14T16:20:05Z' }];
      await ui.runCommand(page, 'Partner Center: Refresh All');
      const warning = await notification(/Northwind Traders Education Approved → Denied \(No longer an Education Customer\)/, 30_000);
      assert.match(await warning.innerHTML(), /codicon-(notifications-)?warning/, 'a warning, not an information');
      const bg = await page.locator(STATUS_ITEM).first().evaluate((el) => getComputedStyle(el).backgroundColor);
      assert.notStrictEqual(bg, 'rgba(0, 0, 0, 0)', 'warning background');
      await page.mouse.move(1200, 300);
      await page.waitForTimeout(700); // the palette that opened the center fades out
      await shot('2-denied-warning');
      // Show reveals and selects the changed row
      await warning.locator('a.monaco-button, .monaco-button', { hasText: 'Show' }).first().click();
      await ui.waitForRows(page, (r) => r.some((x) => /No longer an Education Customer · Denied · changed from Approved/.test(x.text)), 'the changed row, marked');
      await ui.waitFor(page, async () => (await page.locator(STATUS_ITEM).first().evaluate((el) => getComputedStyle(el).backgroundColor)) === 'rgba(0, 0, 0, 0)', 'the warning background gone once the view shows');
      await hideNotifications();
      await shot('3-show-revealed');
      await page.locator(STATUS_ITEM).first().hover();
      await page.waitForSelector('.monaco-hover, .workbench-hover', { timeout: 10_000 });
      await page.waitForTimeout(500);
      await shot('4-status-bar-tooltip');
      await page.mouse.move(900, 300);
    });

    it('Show History lists a tenant\'s changes, newest first, down to the baseline', async () => {
      await ui.runCommand(page, 'Partner Center: Show History');
      await ui.answerQuickInput(page, null, { pick: 'Northwind' });
      const rows = page.locator('.quick-input-list .monaco-list-row');
      await rows.filter({ hasText: 'Approved → Denied' }).first().waitFor({ timeout: 10_000 });
      const texts = await rows.allInnerTexts();
      assert.match(texts[0], /Education Approved → Denied \(No longer an Education Customer\)/);
      assert.match(texts[texts.length - 1], /First answer seen .+ \(the baseline\)/);
      await shot('5-show-history');
      await page.keyboard.press('Escape');
    });
  });
}
