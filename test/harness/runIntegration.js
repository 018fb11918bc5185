// Runs the integration suites (tier 2) inside the real extension host through @vscode/test-electron's
// runTests, once per VS Code runtime. VSCODE_EXECUTABLE_PATH (a desktop VS Code) replaces the shim.
'use strict';
const { runTests } = require('@vscode/test-electron');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { selectedRuntimes } = require('./runtimes');

const root = path.resolve(__dirname, '..', '..');

/** A throw-away copy of a fixture; returns what to open (a folder, or the .code-workspace file inside). */
function freshWorkspace(kind) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcq-ws-'));
  fs.cpSync(path.join(root, 'test', 'fixtures', kind === 'multi-root' ? 'multi-root' : 'workspace'), dir, { recursive: true });
  return { dir, open: kind === 'multi-root' ? path.join(dir, 'partner.code-workspace') : dir };
}

// Every suite runs in a single-folder window; *.multiRoot.test.js in a second window on a multi-root workspace;
// *.restricted.test.js in a third, on an untrusted folder (Restricted Mode).
const WINDOWS = (process.env.PCQ_WINDOWS || 'single-folder,multi-root,restricted').split(',');

async function main() {
  const desktop = process.env.VSCODE_EXECUTABLE_PATH;
  const runs = desktop ? [{ name: 'desktop' }] : selectedRuntimes();
  let failed = 0;
  for (const runtime of runs) {
    for (const kind of WINDOWS) {
      const started = Date.now();
      const workspace = freshWorkspace(kind);
      console.log(`\n== integration tests on VS Code ${runtime.name} (${kind}) ==`);
      try {
        await runTests({
          vscodeExecutablePath: desktop || path.join(__dirname, 'codeShim.js'),
          extensionDevelopmentPath: root,
          extensionTestsPath: path.join(root, 'out', 'test', 'integration', 'index.js'),
          launchArgs: [workspace.open],
          // reaches the extension host; PCQ_RUNTIME is read by the shim (a desktop VS Code ignores it)
          extensionTestsEnv: {
            PCQ_ARTIFACTS: path.join(root, 'artifacts', 'screenshots', runtime.name),
            PCQ_RUNTIME: JSON.stringify(runtime),
            PCQ_WINDOW: kind,
            ...(process.env.PCQ_GREP ? { PCQ_GREP: process.env.PCQ_GREP } : {}),
          },
        });
      } catch (e) {
        failed++;
        console.error(`integration tests failed on VS Code ${runtime.name} (${kind}): ${e.message || e}`);
      } finally {
        fs.rmSync(workspace.dir, { recursive: true, force: true });
      }
      console.log(`== VS Code ${runtime.name} (${kind}): integration tier took ${((Date.now() - started) / 1000).toFixed(1)} s ==`);
    }
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.error(e); process.exit(2); });
