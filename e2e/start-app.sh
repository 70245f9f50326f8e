#!/usr/bin/env bash
# Uploads the escrow wasm to the e2e localnet, builds the app when its sources are newer than
# the last build, and serves it. Started by playwright.config.ts once localnet answers.
set -euo pipefail
cd "$(dirname "$0")/.."
export OPENESCROW_NETWORK=local
export NEXT_TELEMETRY_DISABLED=1
# The read model of this run's chain: localnet starts afresh (--reset), so the read model does too
# (a cursor of the previous chain would stop the indexer), and a developer's .data is left alone.
export OPENESCROW_PGLITE_DIR="${E2E_DATA_DIR:-.cache/e2e-chain}/pglite"
rm -rf "$OPENESCROW_PGLITE_DIR"
# Webhook retries come quickly in e2e (read on the local network only).
export OPENESCROW_WEBHOOK_RETRY_BASE_MS="${OPENESCROW_WEBHOOK_RETRY_BASE_MS:-250}"
# Every journey comes from 127.0.0.1, two at a time: one client to the rate limiter.
export OPENESCROW_RATE_LIMIT="${OPENESCROW_RATE_LIMIT:-100000}"
export OPENESCROW_LOCALNET_URL="http://127.0.0.1:${E2E_LOCALNET_PORT:-8020}"
# Like a provider's key in a mainnet RPC URL; e2e 8 checks that it never reaches a browser.
export OPENESCROW_RPC_URL="http://127.0.0.1:${E2E_LOCALNET_PORT:-8020}/rpc?apikey=${E2E_RPC_SECRET:-none}"
export OPENESCROW_DEPLOYMENT_FILE="${E2E_DATA_DIR:-.cache/e2e-chain}/deployment.json"
# The e2e chain starts afresh every run, so the app's read model does too (beside the chain's
# directory, which localnet's --reset empties on its own terms).
export OPENESCROW_PGLITE_DIR="${E2E_DATA_DIR:-.cache/e2e-chain}-app/pglite"
rm -rf "$OPENESCROW_PGLITE_DIR"
npx tsx scripts/deploy-contract.ts --network local --wait
if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components lib public instrumentation.ts next.config.js postcss.config.mjs tsconfig.json package.json contracts/escrow/errors.json -newer .next/BUILD_ID -type f -print -quit)" ]; then
  node_modules/.bin/next build
fi
exec node_modules/.bin/next start --hostname 127.0.0.1 --port "${E2E_APP_PORT:-3100}"
