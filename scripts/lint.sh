#!/usr/bin/env bash
# `npm run lint`: ESLint, Prettier, rustfmt and clippy; any finding fails.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

if ! run_cargo clippy --version >/dev/null 2>&1 || ! run_cargo fmt --version >/dev/null 2>&1; then
  fail "clippy and rustfmt are missing: run  rustup component add clippy rustfmt"
fi
step "ESLint (Next.js, TypeScript, jsx-a11y rules)"
node_modules/.bin/eslint . --max-warnings 0
step "Prettier and rustfmt (npm run format fixes both)"
node_modules/.bin/prettier --check --log-level warn .
run_cargo fmt --all --check
step "clippy (warnings are errors)"
run_cargo clippy --release --workspace --all-targets --quiet -- -D warnings
# localnet's binary without the tests' `whitebox` feature: its RPC layer and explorer
# must build without the chain's raw state and store.
run_cargo clippy --release -p localnet --bins --quiet -- -D warnings
