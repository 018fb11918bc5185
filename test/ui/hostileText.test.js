// Tier 3: a tenant name from a hostile workspace ("$(pass-filled) Approved", web addresses, a markdown link,
// a line break) is shown as text in the rendered hover: no theme icon of its own, no link, one bold line.
'use strict';
const assert = require('assert');
const path = require('path');
const { selectedRuntimes } = require('../harness/runtimes');
const { DEMO_TENANTS } = require('../../out/src/core/simulator/customers');
const { startUiSession } = require('./session');
const ui = require('./workbench');

const HOSTILE_NAME = 'Contoso $(pass-filled) Approved https://evil.example/x\nwww.evil.example [click](https://evil.example) **bold**';
// the worst case for notifications and quick picks: a command link, an icon, HTML, a new line, a few KB
const LINK = '[Undo](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22echo%20pwned%22%7D)';
const WORST_NAME = `Fabrikam ${LINK} $(pass-filled) Approved <b>bold</b>\nsecond line ${'z'.repeat(3000)}`;
const WORST_REASON = `$(pass-filled) Approved ${LINK} <a href="command:x">y</a>\nsecond line`;

/** Links and icons rendered inside an element (a notification's message, a quick pick row's label). */
function rendered(locator) {
  return locator.evaluate((el) => ({
    // a link has a target; VS Code's label holders (a.label-name, a.label-description) and row buttons do not
    links: [...el.querySelectorAll('a')].filter((a) => a.hasAttribute('href') || a.hasAttribute('data-href') || !(/\blabel-(name|description)\b/.test(a.className) || a.closest('.monaco-action-bar'))).length,
    anchors: [...el.querySelectorAll('a')].map((a) => `${a.className}${a.getAttribute('href') ? ` ${a.getAttribute('href')}` : ''}`),
    icons: [...el.querySelectorAll('.codicon')].map((i) => [...i.classList].find((c) => c.startsWith('codicon-'))),
    text: (el.textContent || '').slice(0, 300),
  }));
}

for (const runtime of selectedRuntimes()) {
  describe(`Hostile names on VS Code ${runtime.name}`, function () {
    this.timeout(180_000);
    let session, page;

    before(async () => {
      session = await startUiSession({ runtime, theme: 'dark', customers: [{ tenantId: DEMO_TENANTS.inReview, name: HOSTILE_NAME }, { tenantId: DEMO_TENANTS.denied, name: WORST_NAME }] });
      ({ page } = session);
    });
    afterEach(function () { return session?.afterEach(this.currentTest); });
    after(() => session?.close());

    it('the tenant hover shows the name as text: no icon, no link, no line break', async () => {
      await ui.openView(page);
      await session.signInAppOnly();
      await ui.runCommand(page, 'Partner Center: Refresh All');
      await ui.waitForRows(page, (r) => r.some((x) => /Contoso/.test(x.text) && !/never checked/.test(x.text)), 'the refreshed row');
      await ui.clearNotifications(page);

      const row = page.locator(`${ui.VIEW} .monaco-list-row`, { hasText: 'Contoso' }).first();
      await row.hover();
      const hover = page.locator('.monaco-hover:visible, .workbench-hover:visible').last();
      await hover.waitFor({ timeout: 15_000 });
      await ui.waitFor(page, async () => /evil/.test((await hover.textContent()) || ''), 'the hover with the name');
      await page.screenshot({ path: path.join(session.shots, 'hostile-name-hover.png') });
      const seen = await hover.evaluate((el) => ({
        // a link has a target; VS Code's label holders (a.label-name, a.label-description) and row buttons do not
    links: [...el.querySelectorAll('a')].filter((a) => a.hasAttribute('href') || a.hasAttribute('data-href') || !(/\blabel-(name|description)\b/.test(a.className) || a.closest('.monaco-action-bar'))).length,
    anchors: [...el.querySelectorAll('a')].map((a) => `${a.className}${a.getAttribute('href') ? ` ${a.getAttribute('href')}` : ''}`),
        icons: [...el.querySelectorAll('.codicon')].map((i) => [...i.classList].find((c) => c.startsWith('codicon-') && c !== 'codicon-modifier-spin')),
        strong: [...el.querySelectorAll('strong')].map((s) => s.textContent),
        text: el.textContent,
      }));
      assert.strictEqual(seen.links, 0, `links in the hover: ${JSON.stringify(seen)}`);
      assert.ok(!seen.icons.includes('codicon-pass-filled'), `the name rendered an icon: ${JSON.stringify(seen.icons)}`);
      assert.deepStrictEqual(seen.icons, ['codicon-clock'], 'only our own status icon (In Review)');
      const title = seen.strong[0] || '';
      assert.match(title, /^Contoso \$\u200b?\(pass-filled\) Approved https:\/\/evil\.example\/x www\.evil\.example \[click\]\(https:\/\/evil\.example\) \*\*bold\*\*$/, `the bold title holds the whole name on one line: ${JSON.stringify(title)}`);
      assert.match(seen.text, /In review/);
    });

    it('the verdict notification and the hover\'s "Recent changes" show a hostile reason as text', async () => {
      await ui.clearNotifications(page);
      session.sim.api.upsert({ tenantId: DEMO_TENANTS.inReview, name: 'Contoso', domain: 'contoso.example', qualifications: [{ qualification: 'Education', vettingStatus: 'Denied', vettingReason: WORST_REASON, vettingCreateDate: '2026-11-27T08:12:00Z' }] });
      await ui.runCommand(page, 'Partner Center: Refresh All');
      const note = await ui.findNotification(page, /vetting is now Denied/);
      await page.screenshot({ path: path.join(session.shots, 'hostile-verdict-notification.png') });
      const message = await rendered(note.locator('.notification-list-item-message'));
      assert.strictEqual(message.links, 0, `links in the notification: ${JSON.stringify(message)}`);
      assert.deepStrictEqual(message.icons, [], `icons in the notification: ${JSON.stringify(message)}`);
      await ui.clearNotifications(page);

      const row = page.locator(`${ui.VIEW} .monaco-list-row`, { hasText: 'Contoso' }).first();
      await page.mouse.move(0, 0);
      await row.hover();
      const hover = page.locator('.monaco-hover:visible, .workbench-hover:visible').last();
      await hover.waitFor({ timeout: 15_000 });
      await ui.waitFor(page, async () => /Recent changes/.test((await hover.textContent()) || ''), 'the hover with its recent changes');
      await page.screenshot({ path: path.join(session.shots, 'hostile-reason-hover.png') });
      const seen = await rendered(hover);
      assert.strictEqual(seen.links, 0, `links in the hover: ${JSON.stringify(seen)}`);
      assert.ok(!seen.icons.includes('codicon-pass-filled'), `the reason rendered an icon: ${JSON.stringify(seen.icons)}`);
    });

    it('Remove Tenant: the quick pick row and the notification show the worst name as text', async () => {
      await page.mouse.move(0, 0);
      await ui.clearNotifications(page);
      await ui.runCommand(page, 'Partner Center: Remove Tenant');
      const pickRow = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Fabrikam' }).first();
      await pickRow.waitFor({ timeout: 10_000 });
      await page.screenshot({ path: path.join(session.shots, 'hostile-remove-pick.png') });
      const label = await rendered(pickRow);
      assert.strictEqual(label.links, 0, `links in the quick pick row: ${JSON.stringify(label)}`);
      assert.deepStrictEqual(label.icons, [], `icons in the quick pick row: ${JSON.stringify(label)}`);
      await pickRow.click();
      const note = await ui.findNotification(page, /Removed Fabrikam/);
      await page.screenshot({ path: path.join(session.shots, 'hostile-remove-notification.png') });
      const message = await rendered(note.locator('.notification-list-item-message'));
      assert.strictEqual(message.links, 0, `links in the notification: ${JSON.stringify(message)}`);
      assert.deepStrictEqual(message.icons, [], `icons in the notification: ${JSON.stringify(message)}`);
      assert.match(message.text, /Removed Fabrikam \[Undo\]\u200b\(command:/);
    });
  });
}
