#!/usr/bin/env bash
# Installs what the test suite needs beyond npm packages, idempotently:
#   - Neovim (Debian's `neovim`), the second real editor the LSP server is tested in;
#   - Chromium (Debian's `chromium`), where the preview's XSS corpus is loaded under its real CSP.
# Safe to run again: it installs only what is missing.
set -euo pipefail

need=()
command -v nvim >/dev/null 2>&1 || need+=(neovim)
[ -x /usr/bin/chromium ] || need+=(chromium)

if ((${#need[@]})); then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  echo "setup-test-deps: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq || echo "setup-test-deps: apt-get update failed; trying the install with the current lists"
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

echo "setup-test-deps: nvim $(nvim --version | head -n 1)"
echo "setup-test-deps: $(/usr/bin/chromium --version 2>/dev/null)"
