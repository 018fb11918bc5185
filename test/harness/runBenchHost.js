// Launches the extension host benchmark (test/bench/host) once through runTests, on VS Code 1.139.1.
'use strict';
const { runTests } = require('@vscode/test-electron');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { selectedRuntimes } = require('./runtimes');

const root = path.resolve(__dirname, '..', '..');
(async () => {
  // the benchmark needs only this one (npm run bench installs it), whatever else is installed or not
  process.env.PCQ_VSCODE_VERSIONS ||= '1.139.1';
  const [runtime] = selectedRuntimes();
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'pcq-bench-ws-'));
  try {
    await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || path.join(__dirname, 'codeShim.js'),
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'test', 'bench', 'host', 'index.js'),
      launchArgs: [workspace],
      extensionTestsEnv: { PCQ_RUNTIME: JSON.stringify(runtime), PCQ_BENCH_OUT: process.env.PCQ_BENCH_OUT, PCQ_BENCH_TREE: process.env.PCQ_BENCH_TREE || '', PCQ_BENCH_LARGE: process.env.PCQ_BENCH_LARGE || '' },
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
})().catch((e) => { console.error(e); process.exit(1); });
