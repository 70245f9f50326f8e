#!/usr/bin/env bash
# `npm test`: every test of the project, after the set-up a fresh machine needs.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

bash scripts/setup.sh test

step "lint and format (ESLint, Prettier, rustfmt, clippy)"
bash scripts/lint.sh

step "Rust tests: escrow contract and localnet (release profile, one build for all)"
run_cargo test --release --workspace

step "the committed contract wasm rebuilds to the same hash"
bash scripts/build-contract.sh --check

step "localnet conformance suite (@stellar/stellar-sdk against a running localnet)"
npm run --silent test:localnet

step "dApp unit tests"
npm run --silent test:unit

step "read model on PGlite and Postgres"
npm run --silent test:read-model

step "dApp end-to-end tests (Chromium against localnet and the built app)"
npm run --silent test:e2e

step "API fuzz (Schemathesis from the OpenAPI document, against localnet and the built app)"
npm run --silent test:fuzz
