#!/usr/bin/env bash
# One idempotent set-up for a fresh machine, run by `npm run dev` and `npm test`.
#
#   scripts/setup.sh dev    what `npm run dev` needs: Node 24 + npm packages, localnet built
#   scripts/setup.sh test   all of dev, plus Chromium and the wasm toolchain (to check the
#                           committed contract wasm rebuilds to the same hash)
#
# System packages are installed only where we may (root on Debian, as in CI); elsewhere the
# script names exactly what to install. The second run does nothing but a few checks.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

profile="${1:-dev}"
case "$profile" in dev | test) ;; *) fail "usage: scripts/setup.sh [dev|test]" ;; esac

# --- Debian packages ---------------------------------------------------------------------
# Native Rust (localnet, contract tests) uses rustup's cargo when present, else Debian's.
debs=(gcc pkg-config)
command -v cargo >/dev/null 2>&1 || debs+=(rustc-web cargo-web)
if [ "$profile" = test ]; then
  # chromium: end-to-end tests. rustc-web & co: rebuilding the contract wasm (toolchain notes).
  debs+=(chromium rustc-web cargo-web rust-web-src rust-web-llvm lld-22 binaryen)
  # postgresql: the read model's tests also run on a real server (scripts/with-postgres.sh).
  debs+=(postgresql)
  # python3-venv: the API fuzz's Schemathesis lives in a venv under .cache/ (scripts/fuzz-api.sh).
  debs+=(python3-venv)
fi
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for deb in "${debs[@]}"; do
    dpkg-query -W -f='${Status}' "$deb" 2>/dev/null | grep -q "install ok installed" || missing+=("$deb")
  done
else
  # Not Debian: check for the commands themselves and name what provides them.
  command -v cc >/dev/null 2>&1 || fail "a C compiler is missing (localnet bundles SQLite): install gcc or clang"
  command -v cargo >/dev/null 2>&1 || fail "Rust is missing: install it with rustup"
  if [ "$profile" = test ] && [ -z "${CHROMIUM_PATH:-}" ]; then
    fail "the end-to-end tests need Chromium: install it and set CHROMIUM_PATH to its binary"
  fi
fi
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    step "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    fail "missing system packages: ${missing[*]}
  On Debian/Ubuntu run:  sudo apt-get install -y ${missing[*]}
  (Rust may come from rustup instead of rustc-web/cargo-web.)"
  fi
fi

# --- Node >= 22.12 and npm packages ---------------------------------------------------------
# The `node` package from the npm registry puts Node 24 in node_modules/.bin, which npm puts
# first on PATH for every script; the system Node only has to be able to run npm.
command -v npm >/dev/null 2>&1 || fail "npm is missing: install Node.js (any version >= 18 with npm) first"
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.openescrow-installed
if [ ! -x node_modules/.bin/node ] || [ "$(cat "$stamp" 2>/dev/null)" != "$lock_hash" ]; then
  step "installing npm packages (the versions in package-lock.json)"
  # Not `npm ci`: it insists on lock entries for other platforms' optional binaries
  # (@next/swc-darwin-*, …), which registry mirrors may not serve. `--no-save` installs the
  # locked versions and leaves package.json and the lock file as they are.
  npm install --no-save --no-audit --no-fund --loglevel=error
  echo "$lock_hash" >"$stamp"
fi
node_version=$(node_modules/.bin/node --version)
case "$node_version" in v2[2-9].* | v[3-9][0-9].*) ;; *) fail "node_modules/.bin/node is $node_version; need >= 22.12" ;; esac

# --- Rust: localnet ------------------------------------------------------------------------
step "building localnet (cargo, cached)"
run_cargo build --release --quiet -p localnet

if [ "$profile" = test ]; then
  bash scripts/fuzz-api.sh --install
fi

step "set-up done ($profile; node $node_version)"
