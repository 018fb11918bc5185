// Drives the VS Code workbench in Chromium like a person: activity bar, command palette, quick input,
// tree rows. Selectors are VS Code's own DOM classes, stable across 1.100 and 1.139.
'use strict';
const { widenSideBar } = require('../harness/codeServer');

// the Customers view's pane (its header is hidden while it is the container's only view)
const VIEW = '.pane:has(.pane-header[aria-label^="Customers"])';

/** Waits for the workbench; with `theme`, makes sure it shows that theme (see useTheme). */
async function waitForWorkbench(page, theme) {
  await page.waitForSelector('.monaco-workbench .part.activitybar', { timeout: 90_000 });
  await page.waitForTimeout(1500);
  if (theme) await useTheme(page, theme);
}

/**
 * code-server 4.100 starts in Light+ whatever workbench.colorTheme says (4.139 follows it): pick the theme in
 * "Preferences: Color Theme" as a person would when the workbench shows another one.
 */
async function useTheme(page, theme) {
  // the workbench names its theme in a class, e.g. vscode-theme-defaults-themes-dark_modern-json
  const shown = async () => new RegExp(`themes-${theme}_modern-json`).test(await page.getAttribute('.monaco-workbench', 'class'));
  if (await shown()) return;
  await runCommand(page, 'Preferences: Color Theme');
  const name = theme === 'dark' ? 'Default Dark Modern' : 'Default Light Modern';
  await page.keyboard.type(name.replace('Default ', ''), { delay: 5 });
  await page.locator(`.quick-input-list .monaco-list-row[aria-label*="${name.replace('Default ', '')}"]`).first().click();
  await waitFor(page, shown, `the ${theme} theme`);
}

async function openView(page) {
  const item = page.locator('.activitybar .action-item a[aria-label^="Partner Center"], .activitybar .action-item[aria-label^="Partner Center"]').first();
  // the activity bar item toggles: click only when the view is not already showing (e.g. after a reload)
  const list = page.locator(`${VIEW} .monaco-list`).first();
  const shown = await list.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false);
  if (!shown) {
    // after a reload the container may be active with its side bar still collapsed: the palette always opens it
    if ((await item.getAttribute('aria-expanded').catch(() => null)) === 'true' || (await page.locator('.activitybar .action-item.checked a[aria-label^="Partner Center"]').count())) {
      await runCommand(page, 'Partner Center: Focus on Customers View');
    } else {
      await item.click();
    }
  }
  await list.waitFor({ state: 'visible', timeout: 30_000 }).catch(async (e) => {
    await page.screenshot({ path: require('path').resolve(__dirname, '../../artifacts/open-view-failed.png') });
    throw e;
  });
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 10_000 });
  await page.keyboard.type(title, { delay: 5 });
  // click the command itself: the focused first row may be another one (e.g. "Browse Color Themes in Marketplace")
  const row = page.locator(`.quick-input-list .monaco-list-row[aria-label^="${title.replace(/"/g, '\\"')}"]`).first();
  await row.waitFor({ timeout: 10_000 });
  await row.click();
}

async function answerQuickInput(page, text, { pick } = {}) {
  const input = page.locator('.quick-input-widget:not([style*="display: none"]) input').first();
  await input.waitFor({ timeout: 10_000 });
  if (pick) {
    await input.fill(pick);
    await page.waitForTimeout(200);
  } else {
    await input.fill(text);
  }
  await page.keyboard.press('Enter');
  await page.waitForTimeout(250);
}

/** Text of every visible row of the Customers tree. */
async function treeRows(page) {
  return page.$$eval(`${VIEW} .monaco-list-row`, (rows) =>
    rows.map((r) => ({ text: r.innerText.replace(/\s+/g, ' ').trim(), aria: r.getAttribute('aria-label') || '', expanded: r.getAttribute('aria-expanded'), level: r.getAttribute('aria-level') })));
}

async function waitForRows(page, predicate, what, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  let rows = [];
  while (Date.now() < until) {
    rows = await treeRows(page);
    if (predicate(rows)) return rows;
    await page.waitForTimeout(200);
  }
  throw new Error(`timed out waiting for ${what}; rows: ${JSON.stringify(rows, null, 1)}`);
}

async function expandRow(page, text) {
  const row = page.locator(`${VIEW} .monaco-list-row`, { hasText: text }).first();
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
}

async function clearNotifications(page) {
  await runCommand(page, 'Notifications: Clear All Notifications').catch(() => undefined);
  await page.waitForTimeout(300);
}

async function waitFor(page, probe, what, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await probe()) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * A notification as a person finds it: a toast, or in the notification center (VS Code 1.13x shows no toasts
 * with the smoke-test driver the harness needs, test/harness/runtimes.js; the center has them all).
 */
async function findNotification(page, re, timeoutMs = 30_000) {
  const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: re }).first();
  const inCenter = page.locator('.notifications-center .notification-list-item').filter({ hasText: re }).first();
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await toast.isVisible().catch(() => false)) return toast;
    if (!(await page.locator('.notifications-center.visible').count())) await runCommand(page, 'Notifications: Show Notifications');
    if (await inCenter.isVisible().catch(() => false)) return inCenter;
    await page.waitForTimeout(500);
  }
  throw new Error(`no notification ${re}`);
}

/** Toasts on screen now (not the center's list). */
async function toastTexts(page) {
  return page.$$eval('.notifications-toasts .notification-toast .notification-list-item-message', (n) => n.map((e) => (e.textContent || '').replace(/\s+/g, ' ')));
}

/** The view's message line (sign-in hint, filter) and description (counts). */
async function viewMessage(page) {
  return (await page.locator(`${VIEW} .message`).first().textContent({ timeout: 2000 }).catch(() => '')) || '';
}

/** The view header's accessible label: "Customers - <description>" (the header itself is hidden when merged). */
async function viewHeader(page) {
  return (await page.locator('.pane-header[aria-label^="Customers"]').first().getAttribute('aria-label')) || '';
}

module.exports = { VIEW, useTheme, waitFor, viewMessage, viewHeader, widenSideBar, waitForWorkbench, openView, runCommand, answerQuickInput, treeRows, waitForRows, expandRow, clearNotifications, findNotification, toastTexts };
