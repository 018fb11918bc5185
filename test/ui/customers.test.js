// Tier 3: finding and importing customers as a person does, in the real workbench: type a company name
// into Look Up Qualification, pick the search result, read the qualification rows that stay, add it to the
// workspace; import customers from a 10,000-customer directory through the progress and the multi-select.
'use strict';
const assert = require('assert');
const path = require('path');
const { selectedRuntimes } = require('../harness/runtimes');
const { DEMO_TENANTS, directoryCustomers } = require('../../out/src/core/simulator/customers');
const { startUiSession } = require('./session');
const ui = require('./workbench');

const QUICK_INPUT = '.quick-input-widget:not([style*="display: none"])';

/** Rows of the open quick input: label, description and aria text. */
async function quickRows(page) {
  return page.$$eval(`${QUICK_INPUT} .quick-input-list .monaco-list-row`, (rows) =>
    rows.map((r) => ({ text: r.innerText.replace(/\s+/g, ' ').trim(), aria: r.getAttribute('aria-label') || '', checked: r.getAttribute('aria-checked') })));
}

async function waitForQuickRows(page, predicate, what) {
  let rows = [];
  await ui.waitFor(page, async () => predicate((rows = await quickRows(page))), what).catch((e) => { throw new Error(`${e.message}; rows: ${JSON.stringify(rows)}`); });
  return rows;
}

/** Closes the notification centre (toasts are never shown while it is open). */
async function hideCentre(page) {
  if (!(await page.locator('.notifications-center.visible').count())) return;
  // the header's last action is "Hide Notifications" (the chevron)
  await page.locator('.notifications-center-header .monaco-action-bar .action-item').last().click().catch(() => undefined);
  await page.waitForTimeout(300);
}

/** Toasts currently shown (not the notification centre). */
async function toasts(page) {
  return page.$$eval('.notifications-toasts .notification-toast .notification-list-item-message', (n) => n.map((e) => e.textContent || ''));
}

for (const runtime of selectedRuntimes()) {
  describe(`Customers by name on VS Code ${runtime.name}`, function () {
    this.timeout(240_000);
    let session, sim, page;
    let progressAsToast = false;
    let workbenchMarks = [];
    const shot = (name) => page.screenshot({ path: path.join(session.shots, `customers-${name}.png`) });

    before(async () => {
      session = await startUiSession({ runtime, theme: 'dark', customers: [{ tenantId: DEMO_TENANTS.approved, name: 'Contoso University' }], settings: { 'workbench.tree.indent': 14 } });
      ({ sim, page } = session);
      for (const c of directoryCustomers(10_000)) sim.api.upsert(c);
      await ui.openView(page);
      await session.signInAppOnly();
      await ui.clearNotifications(page);
    });

    afterEach(function () { return session?.afterEach(this.currentTest); });
    after(() => session?.close());

    it('Look Up: types a company name, picks the search result, reads the rows that stay, adds it to the workspace', async () => {
      await ui.runCommand(page, 'Partner Center: Look Up Qualification');
      await page.waitForSelector(`${QUICK_INPUT} input`);
      await waitForQuickRows(page, (r) => r.some((x) => /Contoso University/.test(x.text)), 'the configured tenant at once');
      await page.keyboard.type('Northw', { delay: 90 });
      const rows = await waitForQuickRows(page, (r) => r.some((x) => /Northwind Traders/.test(x.text)), 'the search result');
      assert.ok(rows.some((x) => /Northwind Traders/.test(x.text) && /northwind\.com/.test(x.text) && x.text.includes(DEMO_TENANTS.denied)), 'name, domain and tenant id');
      await shot('1-look-up-search');
      await page.locator(`${QUICK_INPUT} .quick-input-list .monaco-list-row`, { hasText: 'Northwind Traders' }).first().click();
      const answer = await waitForQuickRows(page, (r) => r.some((x) => /Education/.test(x.text) && /Denied/.test(x.text)), 'the qualification rows');
      assert.ok(answer.some((x) => /Not an Academic Domain/.test(x.text) && /2026/.test(x.text)), 'status, reason and vetting date');
      assert.ok(answer.some((x) => /Add to Workspace/.test(x.text)) && answer.some((x) => /Copy/.test(x.text)));
      // it stays: clicking elsewhere does not close it
      await page.mouse.click(900, 600);
      await page.waitForTimeout(500);
      assert.ok((await quickRows(page)).some((x) => /Not an Academic Domain/.test(x.text)), 'still shown after a click elsewhere');
      await shot('2-look-up-answer');
      await page.locator(`${QUICK_INPUT} .quick-input-list .monaco-list-row`, { hasText: 'Add to Workspace' }).first().click();
      await waitForQuickRows(page, (r) => r.some((x) => /Added to the workspace/.test(x.text)), 'added');
      await page.keyboard.press('Escape');
      const tree = await ui.waitForRows(page, (r) => r.some((x) => /Northwind Traders/.test(x.text)), 'the new row');
      const row = tree.find((x) => /Northwind Traders/.test(x.text));
      assert.doesNotMatch(row.text, /never checked/, 'the result just fetched is kept');
      await shot('3-added');
    });

    it('Import Customers: progress over 20 pages, multi-select, one edit', async () => {
      sim.setLatency(250); // slow enough to see the progress
      const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name).filter((n) => /^code\/(didStartWorkbench|willRestoreEditors|didRestoreEditors|didRemovePartsSplash)/.test(n)));
      await ui.runCommand(page, 'Partner Center: Import Customers');
      const progressText = async () => (await page.locator('.notifications-toasts, .notifications-center').allInnerTexts().catch(() => [])).join(' ');
      await page.waitForTimeout(1200);
      progressAsToast = /\d[\d,]* \/ 10,013 customers/.test((await page.locator('.notifications-toasts').allInnerTexts().catch(() => [])).join(' '));
      // this VS Code may keep it out of the toasts (see the probe below): the notification centre has it
      if (!progressAsToast) await ui.runCommand(page, 'Notifications: Show Notifications');
      await ui.waitFor(page, async () => /\d[\d,]* \/ 10,013 customers/.test(await progressText()), 'the progress "N / 10,013 customers"');
      workbenchMarks = marks;
      await shot('4-import-progress');
      await hideCentre(page);
      sim.setLatency(0);
      await page.waitForSelector(`${QUICK_INPUT} .quick-input-list .monaco-list-row`, { timeout: 60_000 });
      const input = page.locator(`${QUICK_INPUT} input`).first();
      await waitForQuickRows(page, (r) => r.length > 5, 'customer rows');
      await input.fill('Contoso');
      await waitForQuickRows(page, (r) => r.some((x) => /Contoso University/.test(x.text) && /already in the workspace/.test(x.text)), 'configured ones marked');
      // tick three customers as a person does: filter, click the row (a multi-select toggles it)
      for (const [filter, name] of [['lucerne-college-152.', 'Lucerne College 152'], ['Fabrikam', 'Fabrikam School District'], ['Proseware (', 'Proseware (former customer)']]) {
        await input.fill(filter);
        await waitForQuickRows(page, (r) => r.length === 1 && r[0].text.includes(name), `the one row for ${name}`);
        await page.locator(`${QUICK_INPUT} .quick-input-list .monaco-list-row`, { hasText: name }).first().click();
      }
      await input.fill('');
      await page.waitForTimeout(300);
      await shot('5-import-pick');
      await page.keyboard.press('Enter');
      const tree = await ui.waitForRows(page, (r) => r.some((x) => /Fabrikam School District/.test(x.text)), 'imported rows');
      // each row's accessible label starts "<name>, <state>, ...": the name alone, whatever the description says
      // (top-level rows: a denied tenant opens on its qualifications)
      const names = tree.filter((x) => x.level === '1').map((x) => x.aria.split(', ')[0]);
      assert.deepStrictEqual(names, ['Contoso University', 'Fabrikam School District', 'Lucerne College 152', 'Northwind Traders', 'Proseware (former customer)']);
      // the counts above the rows follow the import (they once kept the two tenants from before it)
      await ui.waitFor(page, async () => /4 not checked/.test(await ui.viewMessage(page)), `the counts of the 5 rows (now "${await ui.viewMessage(page)}")`, 5000);
      await shot('6-imported');
      await ui.clearNotifications(page);
    });

    // issue 10 item 3: where does a message raised as a progress notification closes end up on this VS Code?
    it('probe: a warning right after a progress notification (as the old Look Up raised its answer)', async () => {
      await ui.clearNotifications(page);
      await hideCentre(page);
      sim.setCustomerFault(DEMO_TENANTS.denied, { fault: 'no-relationship' });
      const centreOpen = await page.locator('.notifications-center.visible').count();
      await ui.runCommand(page, 'Partner Center: Refresh All');
      let where = '';
      const until = Date.now() + 10_000;
      while (!where && Date.now() < until) {
        if ((await toasts(page)).some((t) => /could not be checked/.test(t))) where = 'toast';
        await page.waitForTimeout(100);
      }
      const container = await page.locator('.notifications-toasts').count();
      const frame = await page.evaluate(() => new Promise((resolve) => { const t0 = performance.now(); requestAnimationFrame(() => resolve(performance.now() - t0)); setTimeout(() => resolve(-1), 2000); }));
      if (!where) {
        await ui.runCommand(page, 'Notifications: Show Notifications');
        await page.waitForTimeout(500);
        const centre = await page.$$eval('.notifications-center .notification-list-item-message', (n) => n.map((e) => e.textContent || ''));
        where = centre.some((t) => /could not be checked/.test(t)) ? 'centre only' : 'nowhere';
      }
      const focus = await page.evaluate(() => ({ hasFocus: document.hasFocus(), visibility: document.visibilityState }));
      console.log(`      toast probe: import progress as a toast: ${progressAsToast}; warning after Refresh All: ${where}; centre open before: ${centreOpen}; .notifications-toasts elements: ${container}; requestAnimationFrame after ${frame} ms; page ${JSON.stringify(focus)}; workbench marks ${JSON.stringify(workbenchMarks)}`);
      await shot('7-toast-probe');
      sim.setCustomerFault(DEMO_TENANTS.denied, undefined);
      assert.notStrictEqual(where, 'nowhere');
    });
  });
}
