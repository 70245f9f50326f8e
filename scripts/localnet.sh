#!/usr/bin/env bash
# Builds localnet (cargo caches the build; a no-op rebuild takes about a second) and
# runs it with the given arguments, e.g. `scripts/localnet.sh --reset --port 8000`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
cargo build --release --quiet -p localnet --bin localnet
exec "$root/target/release/localnet" "$@"
