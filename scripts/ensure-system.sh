#!/usr/bin/env bash
# Debian packages a fresh machine needs: Chromium (the workbench in the tests; fonts for its screenshots),
# ripgrep (VS Code 1.100's search binary), libkrb5-dev (code-server's native kerberos module), and python3,
# make and g++ (node-gyp builds code-server's native modules during its install). Installs what is missing when
# run as root; otherwise names the apt-get command.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-dejavu-core)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
[ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "Missing Debian packages: ${missing[*]} (run: sudo apt-get install -y ${missing[*]})" >&2
  exit 1
fi
echo "== installing Debian packages: ${missing[*]} (about 1 min)..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
