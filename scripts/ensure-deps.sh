#!/usr/bin/env bash
# npm ci when node_modules is missing or older than the lockfile; otherwise re-use it. npm's output goes to
# artifacts/npm-ci.log (its last lines are shown when it fails).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== installing npm packages (npm ci, about 1 min)..."
  mkdir -p artifacts
  if ! npm ci --no-audit --no-fund --loglevel=error > artifacts/npm-ci.log 2>&1; then
    tail -n 40 artifacts/npm-ci.log >&2
    exit 1
  fi
fi
