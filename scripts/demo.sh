#!/usr/bin/env bash
# The README's first command: installs what is missing, builds, and starts the demo (see scripts/demo.js).
set -euo pipefail
cd "$(dirname "$0")/.."
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
bash scripts/ensure-system.sh
bash scripts/ensure-deps.sh
bash scripts/setup-vscode-runtime.sh >/dev/null
npm run --silent compile
exec node scripts/demo.js
