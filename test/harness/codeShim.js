#!/usr/bin/env node
// Stands in for a VS Code executable so @vscode/test-electron's runTests({ vscodeExecutablePath }) can
// drive code-server: maps the --extensionDevelopmentPath / --extensionTestsPath / folder arguments it
// passes onto startCodeServer. The runtime to use comes from PCQ_RUNTIME (JSON, set by runIntegration.js).
'use strict';
const { startCodeServer } = require('./codeServer');

const args = process.argv.slice(2);
const flag = (k) => (args.find((a) => a.startsWith(`--${k}=`)) || '').split('=').slice(1).join('=');
const runtime = JSON.parse(process.env.PCQ_RUNTIME || '{}');
const timeoutMs = Number(process.env.PCQ_TEST_TIMEOUT_MS || 600000);
const NOISE = /\[AgentHost|builtin extensions|Creating a socket|connection token|reconnection-grace-time|Service Worker|AccountPolicyGate|authentication provider|^\s+at .*workbench\.js|onWillSaveTextDocument/;

(async () => {
  if (!runtime.server) throw new Error('PCQ_RUNTIME is not set: run through test/harness/runIntegration.js');
  const vs = await startCodeServer({
    server: runtime.server,
    node: runtime.node,
    vscodeOptions: runtime.vscodeOptions,
    ext: flag('extensionDevelopmentPath'),
    tests: flag('extensionTestsPath'),
    workspace: args.filter((a) => !a.startsWith('--'))[0] || process.cwd(),
    theme: process.env.PCQ_THEME,
    // the Restricted Mode window: workspace trust on, the folder not trusted
    restricted: process.env.PCQ_WINDOW === 'restricted',
    // the workbench's own chatter (sockets, agent host, account policy) would bury the test output
    onLog: (line) => { if (!NOISE.test(line)) console.log(line); },
  });
  let timer;
  const timedOut = new Promise((r) => {
    timer = setTimeout(() => { vs.log(`TIMEOUT: tests did not finish in ${timeoutMs / 1000} s`); r(124); }, timeoutMs);
  });
  const code = await Promise.race([vs.exit, timedOut]);
  clearTimeout(timer);
  vs.log('extension host exited with', code);
  await vs.close();
  if (code !== 0) {
    const { server } = vs.logs();
    console.log('---- code-server log (last 60 lines) ----\n' + server.split('\n').slice(-60).join('\n'));
  }
  vs.cleanup();
  process.exit(code);
})().catch((e) => { console.error(e); process.exit(2); });
