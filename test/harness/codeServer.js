// Starts a real VS Code (code-server: VS Code server + web workbench + Node extension host) on a free
// loopback port and opens it in Debian's headless Chromium through playwright-core.
// Used by the integration runner (tests inside the extension host), the UI tests (driving the workbench
// from outside) and the demo. Everything it starts is ended by `close()`.
'use strict';
const { chromium } = require('playwright-core');
const cp = require('child_process');
const fs = require('fs');
const os = require('os');
const net = require('net');
const path = require('path');
const util = require('util');

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (fs.existsSync(p)) return p;
  throw new Error('Chromium not found: install Debian package "chromium" or set CHROMIUM_PATH');
}

/** Settings that keep the workbench quiet, offline and predictable. */
function userSettings(theme, extra) {
  return {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'window.commandCenter': false,
    'workbench.colorTheme': theme === 'light' ? 'Default Light Modern' : 'Default Dark Modern',
    ...extra,
  };
}

/** Makes the side bar wide enough for whole rows in screenshots (drags its sash, as a person would). */
async function widenSideBar(page, width = 620) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box || box.width >= width - 48) return;
  await page.mouse.move(box.x + box.width + 1, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + width, box.y + 200, { steps: 8 });
  await page.mouse.up();
}

/** Installs the extension at `ext` into `extensionsDir` as a link (its profile manifest points at the folder). */
function linkExtension(ext, extensionsDir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(ext, 'package.json'), 'utf8'));
  const id = `${pkg.publisher}.${pkg.name}`;
  const folder = `${id}-${pkg.version}`;
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.symlinkSync(ext, path.join(extensionsDir, folder), 'dir');
  const location = { $mid: 1, path: path.join(extensionsDir, folder), scheme: 'file' };
  fs.writeFileSync(path.join(extensionsDir, 'extensions.json'), JSON.stringify([{
    identifier: { id }, version: pkg.version, location, relativeLocation: folder,
    metadata: { installedTimestamp: Date.now(), source: 'vsix', pinned: true },
  }]));
}

/**
 * @param {object} o
 * @param {string} o.server code-server package dir
 * @param {string} [o.node] node binary for the server (defaults to this process's)
 * @param {string[]} [o.vscodeOptions] passed as --vscode-option
 * @param {string} o.ext extensionDevelopmentPath
 * @param {boolean} [o.installed] load `ext` as an installed extension instead (the demo): VS Code 1.139 reads
 *   development options only with the smoke-test driver on, and that driver also turns off notification toasts
 * @param {string} [o.tests] extensionTestsPath (omit for UI tests / demo)
 * @param {string} [o.workspace] folder to open
 * @param {'dark'|'light'} [o.theme]
 * @param {object} [o.settings] extra user settings
 * @param {boolean} [o.restricted] workspace trust on and the folder untrusted (Restricted Mode)
 * @param {object} [o.env] extra environment for the server (reaches the extension host)
 * @param {boolean} [o.browser] open Chromium (default true)
 * @param {(line: string) => void} [o.onLog] extension host console lines
 * @param {number} [o.port]
 * @param {string} [o.host] bind address (default 127.0.0.1)
 */
async function startCodeServer(o) {
  const t0 = Date.now();
  const log = (...a) => console.log(`[harness ${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pcq-vscode-'));
  const userData = path.join(tmp, 'user-data');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.mkdirSync(path.join(userData, 'Machine'), { recursive: true });
  const trust = o.restricted ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.emptyWindow': false } : {};
  const settings = JSON.stringify(userSettings(o.theme, { ...trust, ...o.settings }), null, 2);
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), settings);
  fs.writeFileSync(path.join(userData, 'Machine', 'settings.json'), settings);
  fs.mkdirSync(path.join(tmp, 't'));
  if (o.installed) linkExtension(path.resolve(o.ext), path.join(tmp, 'extensions'));
  const port = o.port || (await freePort());
  const host = o.host || '127.0.0.1';
  const args = [
    path.join(path.resolve(o.server), 'out', 'node', 'entry.js'),
    '--auth', 'none', '--bind-addr', `${host}:${port}`,
    '--disable-telemetry', '--disable-update-check', ...(o.restricted ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override',
    '--user-data-dir', userData, '--extensions-dir', path.join(tmp, 'extensions'), '--config', path.join(tmp, 'config.yaml'),
  ];
  for (const opt of o.vscodeOptions || []) args.push('--vscode-option', opt);
  const env = {
    ...process.env,
    ...o.env,
    EXTENSIONS_GALLERY: '{}',
    TMPDIR: path.join(tmp, 't'),
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
  };
  const serverLogPath = path.join(tmp, 'server.log');
  const serverLog = fs.createWriteStream(serverLogPath);
  const server = cp.spawn(o.node || process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  server.stdout.pipe(serverLog);
  server.stderr.pipe(serverLog);
  let browser;
  const hostLines = [];

  const close = async () => {
    if (browser) await browser.close().catch(() => undefined);
    browser = undefined;
    if (server.exitCode === null) {
      try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
      await new Promise((r) => { server.once('exit', r); setTimeout(r, 5000); });
      try { process.kill(-server.pid, 'SIGKILL'); } catch { /* already gone */ }
    }
  };
  // the extension's own "Partner Center" log channel, as the server wrote it
  const extensionLog = () => fs.readdirSync(tmp, { recursive: true })
    .filter((f) => /Partner Center\.log$/.test(f))
    .map((f) => fs.readFileSync(path.join(tmp, f), 'utf8'))
    .join('\n');
  const logs = () => ({ server: fs.existsSync(serverLogPath) ? fs.readFileSync(serverLogPath, 'utf8') : '', host: hostLines.join('\n'), extension: extensionLog() });
  const cleanup = () => fs.rmSync(tmp, { recursive: true, force: true });

  try {
    await new Promise((resolve, reject) => {
      let buf = '';
      const onData = (d) => { buf += d; if (/HTTP server listening on/.test(buf)) resolve(); };
      server.stdout.on('data', onData);
      server.stderr.on('data', onData);
      server.once('exit', (c) => reject(new Error(`code-server exited with ${c}:\n${buf}`)));
      setTimeout(() => reject(new Error(`code-server did not start in 60 s:\n${buf}`)), 60000).unref();
    });
  } catch (e) {
    await close();
    throw e;
  }
  log(`code-server up on ${host}:${port}`);
  const remote = (p) => `vscode-remote://${host}:${port}${path.resolve(p)}`;
  const payload = [...(o.installed ? [] : [['extensionDevelopmentPath', remote(o.ext)]]), ['skipWelcome', 'true']];
  if (o.tests) payload.push(['extensionTestsPath', remote(o.tests)]);
  const opened = path.resolve(o.workspace || process.cwd());
  const what = opened.endsWith('.code-workspace') ? 'workspace' : 'folder';
  const url = `http://${host}:${port}/?${what}=${encodeURIComponent(opened)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

  let exited;
  const exit = new Promise((r) => (exited = r));
  let page;
  if (o.browser !== false) {
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    // ignoreHTTPSErrors: pages the extension opens (browser sign-in) are served by the simulator's own CA
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: o.theme === 'light' ? 'light' : 'dark', ignoreHTTPSErrors: true });
    // code-server forwards loopback URLs an extension opens through its own plain-HTTP /proxy/<port>/ path;
    // send the browser sign-in to the simulator directly, as desktop VS Code would open it
    await context.route(/\/proxy\/\d+\//, (route) => {
      const [, port, rest] = /\/proxy\/(\d+)(\/.*)$/.exec(route.request().url());
      // the device-code page goes through code-server's own forwarding, as in a user's browser (the simulator
      // answers its sign-in pages in plain HTTP too)
      if (/\/devicelogin(\?|$)/.test(rest)) return route.continue();
      log(`the extension opened ${route.request().url().slice(0, 160)}`);
      return route.fulfill({ status: 302, headers: { location: `https://127.0.0.1:${port}${rest}` } });
    });
    page = await context.newPage();
    await page.exposeFunction('codeAutomationLog', async (_type, a) => {
      const line = util.format(...(a || []));
      const shot = /^@@screenshot (\S+)$/.exec(line.trim());
      if (shot) {
        // at the side bar's default width: what a user sees first
        await page.mouse.move(1200, 780);
        await page.waitForTimeout(400);
        fs.mkdirSync(path.dirname(shot[1]), { recursive: true });
        await page.screenshot({ path: shot[1] + '.part.png' });
        fs.renameSync(shot[1] + '.part.png', shot[1]);
        return;
      }
      hostLines.push(line);
      if (o.onLog) o.onLog(line);
    });
    await page.exposeFunction('codeAutomationExit', async (code) => exited(code));
    await page.goto(url);
  }
  return { url, port, page, exit, close, logs, cleanup, log, tmp };
}

module.exports = { startCodeServer, freePort, widenSideBar };
