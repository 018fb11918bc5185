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

for (const runtime of selectedRuntimes()) {
  describe(`Hostile names on VS Code ${runtime.name}`, function () {
    this.timeout(180_000);
    let session, page;

    before(async () => {
      session = await startUiSession({ runtime, theme: 'dark', customers: [{ tenantId: DEMO_TENANTS.inReview, name: HOSTILE_NAME }] });
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
        links: el.querySelectorAll('a').length,
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
  });
}
