// Tier 3: requesting a qualification as a person does it: sign in as a user, open a tenant row's context
// menu, answer the quick picks and the website box, read the modal confirmation, send, and see the row
// turn In review. Also: a kind the tenant cannot get is listed with its reason. (Dialogs are refused inside
// extension tests, so the modal is covered here, from outside.)
'use strict';
const assert = require('assert');
const path = require('path');
const { selectedRuntimes } = require('../harness/runtimes');
const { DEMO_TENANTS } = require('../../out/src/core/simulator/customers');
const { startUiSession } = require('./session');
const ui = require('./workbench');

const USER_CLIENT_ID = 'd0d0d0d0-0000-4000-8000-00000000000d';
const DIALOG = '.monaco-dialog-box';

async function rowMenu(page, rowText, item) {
  await page.locator(`${ui.VIEW} .monaco-list-row`, { hasText: rowText }).first().click({ button: 'right' });
  const entry = page.locator('.context-view .monaco-menu .action-item', { hasText: item }).first();
  await entry.waitFor({ timeout: 10_000 });
  // the menu ignores a click that comes right after it opened (it guards against the opening click): hover, settle, click
  await entry.hover();
  await page.waitForTimeout(400);
  await entry.click();
  // only when the click was ignored does Enter run the item; pressing it while the menu fades out ran the
  // command a second time, without the row (VS Code 1.100)
  const menu = page.locator('.context-view .monaco-menu');
  const closed = await menu.waitFor({ state: 'hidden', timeout: 1_500 }).then(() => true, () => false);
  if (!closed) {
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden', timeout: 5_000 });
  }
}

/** Labels of the open quick pick's rows (separators included). */
async function quickPickRows(page) {
  await page.locator('.quick-input-widget:not([style*="display: none"]) .quick-input-list .monaco-list-row').first().waitFor({ timeout: 10_000 });
  return page.$$eval('.quick-input-widget .quick-input-list .monaco-list-row', (rows) => rows.map((r) => r.innerText.replace(/\s+/g, ' ').trim()));
}

for (const runtime of selectedRuntimes()) {
  describe(`Request Qualification on VS Code ${runtime.name}`, function () {
    this.timeout(180_000);
    let session, sim, page;
    const shot = (name) => page.screenshot({ path: path.join(session.shots, `dark-request-${name}.png`) });

    before(async () => {
      const customers = [
        { tenantId: DEMO_TENANTS.approved, name: 'Contoso University' },
        { tenantId: DEMO_TENANTS.stateOwnedGcc, name: 'City of Tailspin' },
        { tenantId: DEMO_TENANTS.none, name: 'Adventure Works' },
        { tenantId: DEMO_TENANTS.denied, name: 'Northwind Traders' },
      ];
      session = await startUiSession({ runtime, theme: 'dark', customers, settings: { 'workbench.tree.indent': 14 } });
      ({ sim, page } = session);
      await ui.openView(page);
    });

    afterEach(function () { return session?.afterEach(this.currentTest); });

    after(() => session?.close());

    it('signs in as a user (device code) and refreshes', async () => {
      await ui.runCommand(page, 'Partner Center: Sign In');
      await ui.answerQuickInput(page, null, { pick: 'device code' });
      await ui.answerQuickInput(page, USER_CLIENT_ID);
      await ui.answerQuickInput(page, sim.partnerTenantId);
      await ui.waitFor(page, async () => !/Not signed in/.test(await ui.viewMessage(page)), 'the "Not signed in" message to go');
      await ui.clearNotifications(page);
      await ui.runCommand(page, 'Partner Center: Refresh All');
      await ui.waitForRows(page, (r) => r.filter((x) => /checked/.test(x.text) && !/never checked/.test(x.text)).length === 4, 'refreshed rows');
      await ui.clearNotifications(page);
    });

    it('explains the kinds a tenant cannot get instead of offering them', async () => {
      await rowMenu(page, 'City of Tailspin', 'Request Qualification...');
      const rows = await quickPickRows(page);
      assert.ok(rows.some((r) => /Not available for this customer/.test(r)), rows.join(' | '));
      assert.ok(rows.some((r) => /Education.*excluded by GovernmentCommunityCloud, which it holds/.test(r)), rows.join(' | '));
      assert.ok(rows.some((r) => /GovernmentCommunityCloud.*held already \(Approved\)/.test(r)), rows.join(' | '));
      await page.waitForTimeout(600); // the quick pick fades in: let it settle before the screenshot
      await shot('0-not-available');
      await page.keyboard.press('Escape');
      await ui.clearNotifications(page);
    });

    it('requests Education from the row menu: quick picks, website, modal confirmation, row In review', async () => {
      const postsBefore = sim.api.stats.log.filter((l) => l.method === 'POST').length;
      await rowMenu(page, 'Adventure Works', 'Request Qualification...');
      await ui.answerQuickInput(page, null, { pick: 'Education' });
      await ui.answerQuickInput(page, null, { pick: 'K12' });
      await ui.answerQuickInput(page, 'adventure-works.edu');
      const box = page.locator(DIALOG);
      await box.waitFor({ state: 'visible', timeout: 30_000 });
      const text = (await box.innerText()).replace(/\s+/g, ' ');
      assert.match(text, /Request Education, segment K12, website adventure-works\.edu for Adventure Works \(00000000-0000-4000-8000-000000000005\)\?/);
      assert.match(text, new RegExp(`POST https://127\\.0\\.0\\.1:\\d+/v1/customers/${DEMO_TENANTS.none}/qualifications`));
      assert.match(text, /\{"qualification":"Education","educationSegment":"K12","website":"adventure-works\.edu"\}/);
      assert.strictEqual(sim.api.stats.log.filter((l) => l.method === 'POST').length, postsBefore, 'nothing sent before confirming');
      // what Enter does here: VS Code focuses the first button an extension passes (its primary); the modal API
      // (MessageOptions, MessageItem) has no way to choose another default, only isCloseAffordance for Escape
      const buttons = await box.locator('.dialog-buttons .monaco-button').evaluateAll((b) => b.map((e) => ({ text: e.textContent.trim(), focused: e === document.activeElement })));
      console.log(`      modal buttons: ${JSON.stringify(buttons)}`);
      assert.deepStrictEqual(buttons.filter((b) => b.focused).map((b) => b.text), ['Send Request'], 'the focused default button, as VS Code places it');
      await shot('1-confirm');
      await box.locator('.dialog-buttons .monaco-button').filter({ hasText: /^Send Request$/ }).first().click();
      await box.waitFor({ state: 'hidden', timeout: 10_000 });
      // the tenant row leads with what it holds: the new qualification shows there at once, without expanding it
      // (the icon says In review; the screen reader label says it in words)
      await ui.waitForRows(page, (r) => r.some((x) => /^Adventure Works\s*Education ·/.test(x.text) && /^Adventure Works, In review, Education In review/.test(x.aria)), 'the row showing the new In review qualification');
      assert.deepStrictEqual(sim.api.stats.log.filter((l) => l.method === 'POST').map((l) => l.status).slice(postsBefore), [201]);
      await page.mouse.move(1200, 780);
      await page.waitForTimeout(500);
      await shot('2-in-review');
    });
  });
}
