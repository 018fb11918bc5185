// One UI-test window: the simulator (with an app registration and a secret made at run time), a workspace
// listing `customers`, and code-server with the extension pointed at the simulator, opened in Chromium.
// `close()` ends all of it and, when a test failed (or PCQ_UI_LOGS is set), prints the server's and the
// extension's logs; `afterEach(test)` keeps a screenshot of a failed test.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { startCodeServer } = require('../harness/codeServer');
const { startSimulator } = require('../../out/src/core/simulator/simulator');
const ui = require('./workbench');

const root = path.resolve(__dirname, '..', '..');
const APP_CLIENT_ID = 'c0c0c0c0-0000-4000-8000-00000000000c';

/**
 * @param {object} o
 * @param {object} o.runtime a VS Code runtime (test/harness/runtimes.js)
 * @param {'dark'|'light'} o.theme
 * @param {unknown[]} o.customers the workspace's partnerCenter.customers
 * @param {string} [o.apiBaseUrl] API endpoint in place of the simulator's (its sign-in authority stays)
 * @param {object} [o.settings] more user settings
 * @param {object} [o.simulator] more simulator options (e.g. autoApproveDeviceCodes: false)
 */
async function startUiSession(o) {
  const secret = `sim-${crypto.randomBytes(18).toString('base64url')}`;
  const shots = path.join(root, 'artifacts', 'screenshots', o.runtime.name);
  fs.mkdirSync(shots, { recursive: true });
  const sim = await startSimulator({ confidentialApps: [{ clientId: APP_CLIENT_ID, secret }], ...o.simulator });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcq-ui-'));
  const caFile = path.join(dir, 'ca.pem');
  fs.writeFileSync(caFile, sim.caCert);
  const workspace = path.join(dir, 'workspace');
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'partnerCenter.customers': o.customers }, null, 2));
  let vs;
  let failed = false;
  const close = async () => {
    await vs?.close();
    if (vs && (failed || process.env.PCQ_UI_LOGS)) {
      const logs = vs.logs();
      console.log(`${logs.server.split('\n').slice(-40).join('\n')}\n---- Partner Center log ----\n${logs.extension}`);
    }
    vs?.cleanup();
    await sim.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    vs = await startCodeServer({
      server: o.runtime.server, node: o.runtime.node, vscodeOptions: o.runtime.vscodeOptions, ext: root, workspace, theme: o.theme,
      settings: {
        'partnerCenter.cloud': 'custom',
        'partnerCenter.customCloud': { apiBaseUrl: o.apiBaseUrl ?? sim.apiBaseUrl, authority: sim.authorityHost, caFile },
        ...o.settings,
      },
    });
    await ui.waitForWorkbench(vs.page, o.theme);
  } catch (e) {
    failed = true;
    await close();
    throw e;
  }
  return {
    sim, vs, page: vs.page, secret, shots, close, workspace,
    /** Signs in app-only from the palette, as a person does (client secret in a password box). */
    async signInAppOnly() {
      await ui.runCommand(vs.page, 'Partner Center: Sign In');
      await this.answerAppOnlySignIn();
    },
    /** Answers the sign-in questions, however they were opened (palette, a notification's Sign In). */
    async answerAppOnlySignIn() {
      const page = vs.page;
      await ui.answerQuickInput(page, null, { pick: 'client secret' });
      await ui.answerQuickInput(page, APP_CLIENT_ID);
      await ui.answerQuickInput(page, sim.partnerTenantId);
      await ui.answerQuickInput(page, secret);
      await ui.waitFor(page, async () => !/Not signed in/.test(await ui.viewMessage(page)), 'signed in');
    },
    async afterEach(test) {
      if (test?.state !== 'failed') return;
      failed = true;
      await vs.page.screenshot({ path: path.join(shots, `failed-${test.title.slice(0, 40).replace(/\W+/g, '-')}.png`) }).catch(() => undefined);
    },
  };
}

module.exports = { startUiSession, APP_CLIENT_ID };
