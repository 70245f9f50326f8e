#!/usr/bin/env bash
# `npm run dev`: set-up, localnet (unless another chain is configured), then the app on
# http://localhost:3000 (which uploads the escrow wasm to localnet first).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

bash scripts/setup.sh dev

network="${OPENESCROW_NETWORK:-local}"
localnet_url="${OPENESCROW_LOCALNET_URL:-http://127.0.0.1:8000}"
localnet_pid=""
stop_localnet() { [ -n "$localnet_pid" ] && kill "$localnet_pid" 2>/dev/null || true; }
trap stop_localnet EXIT INT TERM

if [ "$network" = local ] && [ -z "${OPENESCROW_RPC_URL:-}" ]; then
  if curl -fsS "$localnet_url/health" >/dev/null 2>&1; then
    step "localnet already running at $localnet_url"
  else
    port="${localnet_url##*:}"
    step "starting localnet on 127.0.0.1:$port (state in .localnet/; 'npm run localnet -- --reset' starts over)"
    target/release/localnet --port "$port" --data-dir .localnet &
    localnet_pid=$!
    for _ in $(seq 1 100); do
      curl -fsS "$localnet_url/health" >/dev/null 2>&1 && break
      kill -0 "$localnet_pid" 2>/dev/null || fail "localnet exited during start-up"
      sleep 0.1
    done
    curl -fsS "$localnet_url/health" >/dev/null 2>&1 || fail "localnet did not answer on $localnet_url/health"
  fi
fi

# dev:app uploads the escrow wasm to localnet first (idempotent), then starts Next.js.
step "starting the app on http://localhost:3000 ($network)"
npm run --silent dev:app
