#!/usr/bin/env bash
# Starts a fresh localnet for the e2e suite (its own port and data directory).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${E2E_LOCALNET_PORT:-8020}"
data="${E2E_DATA_DIR:-.cache/e2e-chain}"
target="${CARGO_TARGET_DIR:-target}"
bin="$target/release/localnet"
if [ ! -x "$bin" ]; then
  if [ -x "$target/debug/localnet" ] && [ -z "${CI:-}" ]; then
    bin="$target/debug/localnet"
  else
    cargo build --release --quiet -p localnet --bin localnet
  fi
fi
mkdir -p "$data"
exec "$bin" --port "$port" --data-dir "$data" --reset --ledger-interval 1
