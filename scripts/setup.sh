#!/usr/bin/env bash
# npm run setup: install what briefkit needs on this machine, then its npm packages.
# Idempotent: when everything is present it only runs `npm ci` and the bundle step.
set -euo pipefail

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  say "briefkit needs Node.js 20 or newer; this is $(node --version)." >&2
  exit 1
fi

# canvas (under chartjs-node-canvas) compiles from source where its prebuilt binary
# cannot be downloaded; that needs Cairo, Pango and image libraries with their headers.
apt_packages=(build-essential pkg-config libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev)
brew_packages=(pkg-config cairo pango libpng jpeg giflib librsvg)

case "$(uname -s)" in
  Linux)
    if command -v dpkg-query >/dev/null 2>&1; then
      missing=()
      for pkg in "${apt_packages[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
      done
      if [ "${#missing[@]}" -gt 0 ]; then
        sudo=''
        if [ "$(id -u)" -ne 0 ]; then sudo='sudo'; fi
        say "installing system packages for canvas: ${missing[*]}"
        $sudo apt-get update -q
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
      else
        say "system packages for canvas are present"
      fi
      # The preview's browser test drives Debian's chromium (playwright-core never downloads one).
      if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
        sudo=''
        if [ "$(id -u)" -ne 0 ]; then sudo='sudo'; fi
        say "installing chromium for the preview's browser test"
        if ! { $sudo apt-get update -q && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends chromium; }; then
          say "could not install chromium: the preview's browser test will be skipped"
        fi
      else
        say "chromium is present (for the preview's browser test)"
      fi
    else
      say "not a Debian/Ubuntu system: install the development packages of Cairo, Pango, libjpeg, giflib and librsvg, pkg-config and a C++ compiler, then run npm ci."
    fi
    ;;
  Darwin)
    say "on macOS, install canvas's build dependencies with Homebrew if npm ci fails:"
    say "  brew install ${brew_packages[*]}"
    ;;
esac

# npm ci wipes node_modules and compiles canvas again: skip it when the installed tree is
# newer than the lock and canvas loads, so a second setup takes a second, not a minute.
installed_lock=node_modules/.package-lock.json
if [ -f "$installed_lock" ] && [ "$installed_lock" -nt package-lock.json ] && [ "$installed_lock" -nt package.json ] \
  && node -e "require('canvas')" >/dev/null 2>&1; then
  say "npm packages are installed and match package-lock.json (run npm ci to reinstall)"
else
  say "installing npm packages (npm ci; its prepare script bundles the CLI)"
  npm ci --no-audit --no-fund
  bundled=1
fi
if [ -z "${bundled:-}" ]; then
  say "bundling the CLI (npm run build)"
  npm run build --silent
fi
say "ready: npm start builds the example into output/"
