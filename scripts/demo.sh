#!/usr/bin/env bash
# The README's first command: installs what is missing (one VS Code, the one the demo runs), builds, and starts
# the demo (see scripts/demo.js). One short line per step; npm's own output goes to log files, shown on failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false npm_config_loglevel=error
bash scripts/ensure-system.sh
bash scripts/ensure-deps.sh
bash scripts/setup-vscode-runtime.sh 1.139.1
echo "== building the extension..."
npm run --silent compile
exec node scripts/demo.js
