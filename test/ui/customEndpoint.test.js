// Tier 3: a custom endpoint that is not a loopback simulator gets the user's sign-in only after they allow
// it in a modal dialog, once. (Dialogs are refused inside extension tests, so this is driven from outside.)
'use strict';
const assert = require('assert');
const path = require('path');
const { selectedRuntimes } = require('../harness/runtimes');
const { DEMO_TENANTS } = require('../../out/src/core/simulator/customers');
const { APP_CLIENT_ID, startUiSession } = require('./session');
const ui = require('./workbench');
const REMOTE = 'https://partner-center.invalid'; // not loopback, and never resolves: nothing can leave

const DIALOG = '.monaco-dialog-box';

async function answerDialog(page, button) {
  const box = page.locator(DIALOG);
  await box.waitFor({ state: 'visible', timeout: 30_000 });
  const text = (await box.innerText()).replace(/\s+/g, ' ');
  await box.locator('.dialog-buttons .monaco-button').filter({ hasText: new RegExp(`^${button}$`) }).first().click();
  await box.waitFor({ state: 'hidden', timeout: 10_000 });
  return text;
}

async function signInWithSecret(page, tenantId, secret) {
  await ui.runCommand(page, 'Partner Center: Sign In');
  await ui.answerQuickInput(page, null, { pick: 'client secret' });
  await ui.answerQuickInput(page, APP_CLIENT_ID);
  await ui.answerQuickInput(page, tenantId);
  await ui.answerQuickInput(page, secret);
}

/** Messages in the notification center (a toast raised as a dialog closes is not always shown; the center has it). */
async function notifications(page) {
  if (!(await page.locator('.notifications-center.visible').count())) await ui.runCommand(page, 'Notifications: Show Notifications');
  return page.$$eval('.notifications-center .notification-list-item-message', (n) => n.map((e) => e.textContent || ''));
}

for (const runtime of selectedRuntimes()) {
  describe(`Custom endpoint confirmation on VS Code ${runtime.name}`, function () {
    this.timeout(180_000);
    let session, sim, page, secret;

    before(async () => {
      const customers = [{ tenantId: DEMO_TENANTS.approved, name: 'Contoso University' }, { tenantId: DEMO_TENANTS.inReview, name: 'Fabrikam School District' }];
      // the API is not loopback; the sign-in authority is the simulator, so an allowed sign-in really happens
      session = await startUiSession({ runtime, theme: 'dark', customers, apiBaseUrl: REMOTE });
      ({ sim, page, secret } = session);
      await ui.openView(page);
    });

    afterEach(function () { return session?.afterEach(this.currentTest); });

    after(() => session?.close());

    it('asks before signing in; Cancel stops the sign-in with a clear message and nothing is sent', async () => {
      await signInWithSecret(page, sim.partnerTenantId, secret);
      await page.locator(DIALOG).waitFor({ state: 'visible', timeout: 30_000 });
      await page.screenshot({ path: path.join(session.shots, 'dark-4-endpoint-confirmation.png') });
      const text = await answerDialog(page, 'Cancel');
      assert.match(text, /Send your Partner Center sign-in to https:\/\/partner-center\.invalid \(sign-in at https:\/\/127\.0\.0\.1:\d+\)\?/);
      await ui.waitFor(page, async () => (await notifications(page)).some((n) => /was not confirmed/.test(n)), 'the "not confirmed" message');
      assert.strictEqual(sim.identity.tokenRequests, 0, 'no sign-in request');
      assert.match(await ui.viewMessage(page), /Not signed in/);
      await ui.clearNotifications(page);
    });

    it('Allow signs in; the answer is remembered across refreshes and a reload', async () => {
      await signInWithSecret(page, sim.partnerTenantId, secret);
      await answerDialog(page, 'Allow');
      await ui.waitFor(page, async () => !/Not signed in/.test(await ui.viewMessage(page)), 'signed in');
      assert.ok(sim.identity.tokenRequests > 0, 'signed in at the simulator');
      await ui.clearNotifications(page);

      await ui.runCommand(page, 'Partner Center: Refresh All');
      await ui.waitForRows(page, (r) => r.filter((x) => /failed/.test(x.text)).length === 2, 'both tenants failed to reach the endpoint');
      await ui.expandRow(page, 'Contoso University');
      await ui.waitForRows(page, (r) => r.some((x) => /Could not reach Partner Center/.test(x.text)), 'the network error on the tenant');
      assert.strictEqual(await page.locator(DIALOG).count(), 0, 'no second question');

      await page.reload();
      await ui.waitForWorkbench(page, 'dark');
      await ui.openView(page);
      await ui.waitForRows(page, (r) => r.some((x) => /last session/.test(x.text)), 'remembered rows');
      await ui.runCommand(page, 'Partner Center: Refresh All');
      await ui.waitForRows(page, (r) => r.filter((x) => /failed/.test(x.text) && !/last session/.test(x.text)).length === 2, 'refreshed after the reload');
      assert.strictEqual(await page.locator(DIALOG).count(), 0, 'no question after the reload');
    });
  });
}
