// Launches the extension host benchmark (test/bench/host) once through runTests, on VS Code 1.139.1.
'use strict';
const { runTests } = require('@vscode/test-electron');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { selectedRuntimes } = require('./runtimes');

const root = path.resolve(__dirname, '..', '..');

/**
 * The extension as the benchmark loads it: a copy of what ships, activated only when the benchmark asks.
 * `onStartupFinished` (the status bar item shows without the view) would activate it before the host runs,
 * and its commands would then be taken when the host times fresh copies of activate(). A copy, not links:
 * VS Code gives `vscode` only to modules whose real path is inside the extension.
 */
function benchExtension() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcq-bench-ext-'));
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  pkg.activationEvents = (pkg.activationEvents || []).filter((e) => e !== 'onStartupFinished');
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2));
  for (const entry of ['package.nls.json', 'dist', 'media', 'l10n', path.join('test', 'bench', 'baseline-extension')]) {
    fs.cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
  }
  return dir;
}

(async () => {
  // the benchmark needs only this one (npm run bench installs it), whatever else is installed or not
  process.env.PCQ_VSCODE_VERSIONS ||= '1.139.1';
  const [runtime] = selectedRuntimes();
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'pcq-bench-ws-'));
  const extension = benchExtension();
  try {
    await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || path.join(__dirname, 'codeShim.js'),
      extensionDevelopmentPath: extension,
      extensionTestsPath: path.join(root, 'out', 'test', 'bench', 'host', 'index.js'),
      launchArgs: [workspace],
      extensionTestsEnv: { PCQ_RUNTIME: JSON.stringify(runtime), PCQ_BENCH_OUT: process.env.PCQ_BENCH_OUT, PCQ_BENCH_TREE: process.env.PCQ_BENCH_TREE || '', PCQ_BENCH_LARGE: process.env.PCQ_BENCH_LARGE || '' },
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(extension, { recursive: true, force: true });
  }
})().catch((e) => { console.error(e); process.exit(1); });
