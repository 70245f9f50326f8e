#!/usr/bin/env bash
# `npm run bench:contract`: the on-chain cost of each call of the escrow's lifecycles,
# measured on the committed contracts/escrow/dist/escrow.wasm (build it first with
# npm run build:contract), beside the reference contracts' recorded figures (their code is
# not ours: nothing here builds or runs it; see contracts/escrow/BENCH.md, Method).
# Prints the tables and writes them to contracts/escrow/BENCH.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib.sh

[[ -f contracts/escrow/dist/escrow.wasm ]] || fail "contracts/escrow/dist/escrow.wasm is missing: run npm run build:contract"
run_cargo test --release --quiet -p escrow --lib bench -- --ignored --nocapture --test-threads=1
