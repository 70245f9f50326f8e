#!/usr/bin/env bash
# `npm run bench:contract`: the on-chain cost of each call of the escrow's lifecycles,
# measured on the committed contracts/escrow/dist/escrow.wasm, beside the floor
# (contracts/floor/dist/floor.wasm; both built by npm run build:contract) and beside the
# reference contracts: measured in the same run when OPENESCROW_REFERENCE_WASMS names a
# directory holding their single-release.wasm and multi-release.wasm (checked against the
# pinned sha256; their code is not ours, nothing here builds or fetches it: see
# contracts/escrow/BENCH.md, Method), else their figures as last recorded.
# Prints the tables and writes them to contracts/escrow/BENCH.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib.sh

for wasm in contracts/escrow/dist/escrow.wasm contracts/floor/dist/floor.wasm; do
  [[ -f "$wasm" ]] || fail "$wasm is missing: run npm run build:contract"
done
if [[ -n "${OPENESCROW_REFERENCE_WASMS:-}" ]]; then
  for wasm in single-release.wasm multi-release.wasm; do
    [[ -f "$OPENESCROW_REFERENCE_WASMS/$wasm" ]] || fail "OPENESCROW_REFERENCE_WASMS: $OPENESCROW_REFERENCE_WASMS/$wasm is missing"
  done
fi
run_cargo test --release --quiet -p escrow --lib bench -- --ignored --nocapture --test-threads=1
