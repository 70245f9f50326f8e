#!/usr/bin/env bash
# `npm run bench:localnet`: builds localnet and its benchmark (release, cached), then
# measures a fresh node on 127.0.0.1. Pass `--payments N --seconds S` to change the load.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
cargo build --release --quiet -p localnet --bins
exec "$root/target/release/localnet-bench" "$@"
