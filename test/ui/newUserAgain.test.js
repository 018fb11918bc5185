// Tier 3: what a new user hit on a second try (issue 19), at the default side bar width, through the workbench
// only: the status bar item without opening the view, the view title not cut by its buttons, Northwind's denial
// reason, the sign-out mark before the time, pick prompts that fit with the detail in the items.
'use strict';
const assert = require('assert');
const path = require('path');
const { selectedRuntimes } = require('../harness/runtimes');
const { demoCustomers, demoDirectory } = require('../../out/src/core/simulator/customers');
const { startUiSession } = require('./session');
const ui = require('./workbench');

const STATUS_ITEM = '.statusbar-item[id$="partnerCenter.summary"]';

/**
 * Whether `needle` shows whole in the first tree row holding `rowText`: its text ends left of the row's clipped
 * label (a cut row ends in an ellipsis; the rest is laid out but hidden).
 */
async function showsWhole(page, rowText, needle) {
  return page.$$eval(`${ui.VIEW} .monaco-list-row`, (rows, [rowText, needle]) => {
    const row = rows.find((r) => new RegExp(rowText).test(r.innerText.replace(/\s+/g, ' ')));
    if (!row) return `no row ${rowText}`;
    const clip = row.querySelector('.monaco-icon-label-container') || row;
    const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent.indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + needle.length);
      return range.getBoundingClientRect().right <= clip.getBoundingClientRect().right + 0.5 || `cut: ${row.innerText}`;
    }
    return `"${needle}" not in ${row.innerText}`;
  }, [rowText, needle]);
}

/** The computed colour of a tree row's name. */
const nameColour = (page, name) => page.locator(`${ui.VIEW} .monaco-list-row .label-name`, { hasText: name }).first().evaluate((e) => getComputedStyle(e).color);

/** Rows of the open quick pick whose text is cut (wider than their box). */
const cutPickRows = (page) => page.$$eval('.quick-input-list .monaco-list-row .monaco-icon-label-container', (els) =>
  els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.innerText.replace(/\s+/g, ' ')));

for (const runtime of selectedRuntimes()) {
  describe(`A new user's second try on VS Code ${runtime.name} (default side bar width)`, function () {
    this.timeout(180_000);
    let session, page, approvedColour;
    const shot = (name) => page.screenshot({ path: path.join(session.shots, `newuser2-${name}.png`) });

    before(async () => {
      const customers = demoCustomers().map((c) => ({ tenantId: c.tenantId, name: c.name }));
      session = await startUiSession({ runtime, theme: 'dark', customers, simulator: { customers: demoDirectory() } });
      ({ page } = session);
    });
    afterEach(function () { return session?.afterEach(this.currentTest); });
    after(() => session?.close());

    it('the status bar item appears after the window loads, without opening the view', async () => {
      await page.locator(STATUS_ITEM).waitFor({ state: 'visible', timeout: 20_000 });
      assert.match(await page.locator(STATUS_ITEM).innerText(), /\d/);
      assert.strictEqual(await page.locator(`${ui.VIEW} .monaco-list`).count(), 0, 'the view was not opened');
    });

    it('the view title shows whole next to its buttons; rarely used ones are in the "..." menu', async () => {
      await ui.openView(page);
      await ui.waitForRows(page, (r) => r.length >= 10, 'tenant rows');
      await session.signInAppOnly();
      await ui.runCommand(page, 'Partner Center: Refresh All');
      await ui.waitForRows(page, (r) => r.some((x) => /Northwind Traders/.test(x.text)) && r.some((x) => /Not an Academic Domain/.test(x.text)), 'refreshed rows');
      const title = page.locator('.part.sidebar .composite.title .title-label h2').first();
      const cut = await title.evaluate((e) => e.scrollWidth > e.clientWidth + 1);
      assert.ok(!cut, `the title is cut: ${await title.innerText()}`);
      const buttons = await page.locator('.part.sidebar .composite.title .title-actions .action-label').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') || ''));
      assert.ok(!buttons.some((b) => /Add Tenant|Filter by Status/.test(b)), buttons.join(' | '));
      assert.ok(buttons.some((b) => /Refresh All/.test(b)) && buttons.some((b) => /Look Up/.test(b)), buttons.join(' | '));
    });

    it('Northwind\'s denial reason shows (its row opens on its qualifications, the reason leads)', async () => {
      // at 300 px the child row has room for about 20 characters: "Not an Academic Dom…"; the hover holds all of it
      assert.strictEqual(await showsWhole(page, '^Education ?Not an Academic Domain', 'Not an Academic'), true);
      approvedColour = await nameColour(page, 'Contoso University');
      await ui.clearNotifications(page);
      await page.mouse.move(1200, 780);
      await shot('1-refreshed-default-width');
    });

    it('after Sign Out the mark shows before the time', async () => {
      await ui.runCommand(page, 'Partner Center: Sign Out');
      await ui.waitForRows(page, (r) => r.some((x) => /Contoso University/.test(x.text) && /^Contoso University ?before sign-out/.test(x.text)), 'rows from before sign-out');
      // the name greyed: a mark no width cuts (the words follow, as far as the row has room)
      await ui.waitFor(page, async () => (await nameColour(page, 'Contoso University')) !== approvedColour, 'the name greyed');
      assert.ok((await ui.treeRows(page)).some((x) => /^Contoso University ?before sign-out · Education/.test(x.text)));
      await ui.clearNotifications(page);
      await page.mouse.move(1200, 780);
      await shot('2-signed-out-default-width');
      await session.signInAppOnly();
    });

    it('Request Qualification\'s tenant pick: a short prompt, rows not cut', async () => {
      await ui.clearNotifications(page);
      await ui.runCommand(page, 'Partner Center: Request Qualification...');
      const input = page.locator('.quick-input-widget:not([style*="display: none"]) input').first();
      await ui.waitFor(page, async () => !/command/.test((await input.getAttribute('placeholder', { timeout: 1000 }).catch(() => null)) || 'command') && (await page.locator('.quick-input-list .monaco-list-row').count()) > 0, 'the tenant pick');
      const placeholder = (await input.getAttribute('placeholder')) || '';
      assert.ok(placeholder.length <= 30, placeholder);
      assert.deepStrictEqual(await cutPickRows(page), []);
      await page.keyboard.press('Escape');
    });

    it('Import Customers: a short prompt, rows not cut', async () => {
      await ui.runCommand(page, 'Partner Center: Import Customers...');
      const input = page.locator('.quick-input-widget:not([style*="display: none"]) input').first();
      await ui.waitFor(page, async () => !/command/.test((await input.getAttribute('placeholder', { timeout: 1000 }).catch(() => null)) || 'command') && (await page.locator('.quick-input-list .monaco-list-row').count()) > 0, 'the import pick');
      const placeholder = (await input.getAttribute('placeholder')) || '';
      assert.ok(placeholder.length <= 30, placeholder);
      await page.waitForTimeout(400);
      await shot('3-import-pick');
      await page.keyboard.press('Escape');
    });
  });
}
