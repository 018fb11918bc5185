// Tier 3: Export Report... with Save As, as a person does it: the palette, the format and destination
// quick picks, then VS Code's own save dialog (in code-server the simple file dialog, a quick input that
// takes a path). The file lands where the user typed it; cancelling the dialog writes nothing. (Extension
// tests cannot answer a save dialog, so this is covered here, from outside.)
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { selectedRuntimes } = require('../harness/runtimes');
const { DEMO_TENANTS } = require('../../out/src/core/simulator/customers');
const { startUiSession } = require('./session');
const ui = require('./workbench');

const QUICK_INPUT = '.quick-input-widget:not([style*="display: none"])';
const HEADER = 'Tenant ID,Name,Domain,Qualification,Status,Reason,Vetting Date,Last Checked (UTC),Last Error';

/** Every file under `dir` (relative paths), to prove nothing else was written. */
function filesUnder(dir) {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name))).sort();
}

/**
 * Every message a person can find: toasts, and the notification centre (VS Code 1.13x shows no toasts with
 * the smoke-test driver the harness needs, test/harness/runtimes.js; the centre has them all). Leaves it open.
 */
async function notifications(page) {
  if (!(await page.locator('.notifications-center.visible').count())) await ui.runCommand(page, 'Notifications: Show Notifications');
  return page.$$eval('.notification-list-item-message', (n) => n.map((e) => (e.textContent || '').replace(/\s+/g, ' ')));
}

/** Closes the notification centre (its header's last action, the chevron). */
async function hideCentre(page) {
  if (!(await page.locator('.notifications-center.visible').count())) return;
  await page.locator('.notifications-center-header .monaco-action-bar .action-item').last().click().catch(() => undefined);
  await page.waitForTimeout(300);
}

/** Runs Export Report... and answers the format and destination quick picks; the save dialog is left open. */
async function exportToSaveDialog(page) {
  await ui.runCommand(page, 'Partner Center: Export Report...');
  await ui.answerQuickInput(page, null, { pick: 'CSV' });
  await ui.answerQuickInput(page, null, { pick: 'Save As' });
  const input = page.locator(`${QUICK_INPUT} input`).first();
  // the simple file dialog: a quick input whose value is a path (the default file name in the workspace)
  await ui.waitFor(page, async () => /partner-center-qualifications-\d{4}-\d{2}-\d{2}\.csv$/.test(await input.inputValue().catch(() => '')), 'the save dialog with the default file name');
  return input;
}

for (const runtime of selectedRuntimes()) {
  describe(`Export Report with Save As on VS Code ${runtime.name}`, function () {
    this.timeout(180_000);
    let session, page;
    const shot = (name) => page.screenshot({ path: path.join(session.shots, `export-${name}.png`) });

    before(async () => {
      const customers = [
        { tenantId: DEMO_TENANTS.approved, name: 'Contoso University' },
        { tenantId: DEMO_TENANTS.denied, name: 'Northwind Traders' },
      ];
      session = await startUiSession({ runtime, theme: 'dark', customers, settings: { 'workbench.tree.indent': 14 } });
      ({ page } = session);
      await ui.openView(page);
      await session.signInAppOnly();
      await ui.runCommand(page, 'Partner Center: Refresh All');
      await ui.waitForRows(page, (r) => r.filter((x) => /checked/.test(x.text) && !/never checked/.test(x.text)).length === 2, 'refreshed rows');
      await ui.clearNotifications(page);
    });

    afterEach(function () { return session?.afterEach(this.currentTest); });
    after(() => session?.close());

    it('cancelling the save dialog writes nothing', async () => {
      const before = filesUnder(session.workspace);
      const input = await exportToSaveDialog(page);
      assert.strictEqual(path.dirname(await input.inputValue()), session.workspace, 'the dialog opens in the workspace folder');
      await page.waitForTimeout(500); // the dialog fades in: let it settle before the screenshot
      await shot('1-save-dialog');
      await page.keyboard.press('Escape');
      await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 10_000 });
      await page.waitForTimeout(1500);
      assert.deepStrictEqual(filesUnder(session.workspace), before, 'no file written');
      const said = await notifications(page);
      assert.ok(!said.some((t) => /Exported/.test(t)), `no "Exported" message: ${said.join(' | ')}`);
      await hideCentre(page);
      const tabs = await page.$$eval('.tabs-container .tab', (t) => t.map((e) => e.getAttribute('aria-label') || ''));
      assert.ok(!tabs.some((t) => /Untitled/.test(t)), `no untitled document either: ${tabs.join(' | ')}`);
    });

    it('Save As writes the CSV where the user typed it, with the header and one row per qualification', async () => {
      const target = path.join(session.workspace, 'reports-out', 'qualifications.csv');
      fs.mkdirSync(path.dirname(target));
      const input = await exportToSaveDialog(page);
      await input.fill(target);
      await page.waitForTimeout(800); // the dialog reads the folder typed before it accepts
      await shot('2-save-dialog-path');
      await page.keyboard.press('Enter');
      await ui.waitFor(page, async () => fs.existsSync(target), `${target} to be written`, 15_000);
      const lines = fs.readFileSync(target, 'utf8').split('\r\n');
      assert.strictEqual(lines[0], HEADER);
      assert.match(lines[1], new RegExp(`^${DEMO_TENANTS.approved},Contoso University,[^,]*,Education,Approved,,2026-09-03T10:37:38\\.885Z,\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z,$`));
      assert.match(lines[2], new RegExp(`^${DEMO_TENANTS.denied},Northwind Traders,[^,]*,Education,Denied,Not an Academic Domain,2026-10-14T16:20:05Z,\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z,$`));
      assert.deepStrictEqual(lines.slice(3), [''], 'two rows, CRLF line ends');
      assert.deepStrictEqual(filesUnder(path.join(session.workspace, 'reports-out')), ['qualifications.csv'], 'only the chosen file');
      await ui.waitFor(page, async () => (await notifications(page)).some((t) => /Exported 2 rows to reports-out\/qualifications\.csv/.test(t)), 'the "Exported 2 rows" message', 10_000);
      // the message offers to open the file: the editor shows what was written
      const message = page.locator('.notifications-center .notification-list-item', { hasText: 'Exported 2 rows' }).first();
      await message.hover();
      await message.locator('.monaco-button', { hasText: /^Open$/ }).first().click();
      await page.locator('.tabs-container .tab[aria-label*="qualifications.csv"]').first().waitFor({ timeout: 10_000 });
      await hideCentre(page);
      await page.waitForTimeout(600);
      await shot('3-exported');
    });
  });
}
