#!/usr/bin/env bash
# Runs every test tier on a fresh machine or a used one (installs only what is missing):
#   types + lint, (1) core unit tests under plain mocha, the VSIX contents check,
#   (2) integration suites inside the real VS Code extension host, (3) UI tests driving the workbench,
#   and the benchmark in --quick mode.
# Both ends of engines.vscode run: VS Code 1.139.1 and 1.100.3 (PCQ_VSCODE_VERSIONS narrows it).
set -euo pipefail
cd "$(dirname "$0")/.."
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
log=$(mktemp)
trap 'rm -f "$log"' EXIT
started=$SECONDS
tier() { # name, command...: runs a tier, keeps its output for the totals, prints its time
  local name=$1; shift
  local t0=$SECONDS
  echo; echo "==== $name"
  "$@" 2>&1 | tee -a "$log"
  local rc=${PIPESTATUS[0]}
  echo "==== $name: $((SECONDS - t0)) s (exit $rc)"
  return "$rc"
}

bash scripts/ensure-system.sh
bash scripts/ensure-deps.sh
bash scripts/setup-vscode-runtime.sh
echo "== type check and lint"
npm run --silent typecheck
npm run --silent lint
# l10n/bundle.l10n.json (what translators start from) must hold every vscode.l10n.t string of the source
l10n_tmp=$(mktemp -d)
npx --no-install vscode-l10n-dev export --outDir "$l10n_tmp" src >/dev/null 2>&1 || { echo "l10n export failed"; exit 1; }
if ! diff -q "$l10n_tmp/bundle.l10n.json" l10n/bundle.l10n.json >/dev/null; then
  echo "l10n/bundle.l10n.json is out of date: run npm run l10n"; exit 1
fi
rm -rf "$l10n_tmp"
npm run --silent compile

status=0
tier "tier 1: core unit tests (plain mocha)" npx mocha --config test/unit/.mocharc.json || status=1
tier "package: VSIX contents" bash -c 'npm run --silent package >/dev/null && npx mocha test/package/vsix.test.js' || status=1
npm run --silent compile >/dev/null # the package step minified dist/: tests use the development bundle
tier "tier 2: integration tests in the real extension host" node test/harness/runIntegration.js || status=1
tier "tier 3: UI tests in the workbench" npx mocha --config test/ui/.mocharc.json "test/ui/**/*.test.js" || status=1
# keeps the benchmark code working (small N, timings not judged); `npm run bench` is the real measurement
tier "benchmark --quick" env PCQ_VSCODE_VERSIONS=1.139.1 node out/test/bench/run.js --quick || status=1

# totals over the tiers: mocha's "N passing" / "N failing" and the extension host's "N passed, N failed"
# (grep finds nothing in a clean run: that must not end the script under pipefail)
passed=$({ grep -oE '^ *[0-9]+ passing' "$log" || true; } | awk '{s+=$1} END {print s+0}')
failed=$({ grep -oE '^ *[0-9]+ failing' "$log" || true; } | awk '{s+=$1} END {print s+0}')
skipped=$({ grep -oE '^ *[0-9]+ pending' "$log" || true; } | awk '{s+=$1} END {print s+0}')
echo
echo "all tiers: $((SECONDS - started)) s"
[ "$status" = 0 ] || [ "$failed" != 0 ] || failed=1
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
exit "$status"
