#!/usr/bin/env bash
# Builds the escrow contract to an optimised wasm: contracts/escrow/dist/escrow.wasm,
# with its sha256 and the exact rustc that produced it beside it; and, the same way, the
# benchmark's floor (contracts/floor/dist/floor.wasm).
#
#   scripts/build-contract.sh           build and record
#   scripts/build-contract.sh --check   rebuild elsewhere and fail if the hash differs
#                                       (only when the recorded rustc is the one installed:
#                                       the hash depends on the exact compiler)
#
# Toolchain: Debian's rustc-web/cargo-web 1.96 build
# core/alloc for wasm32v1-none (rustup here has no wasm target); binaryen's wasm-opt.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dist="$root/contracts/escrow/dist"
rustc_bin=/usr/bin/rustc
cargo_bin=/usr/bin/cargo
# A 32 KiB stack (instead of 1 MiB) keeps the linear memory to one 64 KiB page: the host
# charges every call for the pages it allocates when it starts the VM.
stack_size=32768

require_tools() {
  local tool
  for tool in "$rustc_bin" "$cargo_bin" wasm-opt wasm-dis wasm-metadce; do
    command -v "$tool" >/dev/null || { echo "build-contract: $tool is missing (run npm run setup)" >&2; exit 1; }
  done
}

# Builds crate $1 into $2 (a directory): $1.wasm.
build_into() {
  local crate="$1" out="$2" target_dir="$root/target/wasm"
  mkdir -p "$out"
  (
    cd "$root"
    RUSTC="$rustc_bin" RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$target_dir" \
      RUSTFLAGS="-C link-arg=-zstack-size=$stack_size" \
      SOURCE_DATE_EPOCH=0 \
      "$cargo_bin" rustc --quiet -p "$crate" --crate-type=cdylib --profile contract \
        --target wasm32v1-none -Zbuild-std=core,alloc
  )
  local wasm="$root/target/wasm/wasm32v1-none/contract/$crate.wasm" work
  work="$(mktemp -d)"
  # Keep only the contract's functions and its memory as exports: the linker also exports
  # three globals (`_`, `__data_end`, `__heap_base`) that the host never reads but charges
  # for on every call. wasm-metadce drops every export that its graph does not root.
  {
    echo '['
    wasm-dis "$wasm" | sed -n 's/^ (export "\([^"]*\)" (\(func\|memory\) .*/\1/p' \
      | awk '{ printf "%s{\"name\": \"e%d\", \"root\": true, \"export\": \"%s\"}", (NR>1 ? ",\n" : ""), NR, $1 }'
    echo; echo ']'
  } > "$work/graph.json"
  wasm-metadce --enable-sign-ext --enable-mutable-globals -f "$work/graph.json" "$wasm" -o "$work/dce.wasm" >/dev/null
  wasm-opt -Oz --enable-sign-ext --enable-mutable-globals "$work/dce.wasm" -o "$out/$crate.wasm"
  rm -rf "$work"
}

rustc_version="$("$rustc_bin" --version 2>/dev/null || echo "none")"

if [[ "${1:-}" == "--check" ]]; then
  recorded="$(cat "$dist/rustc-version.txt" 2>/dev/null || true)"
  if [[ "$recorded" != "$rustc_version" ]]; then
    echo "build-contract --check: WARNING: dist was built with '$recorded', this machine has '$rustc_version'; the hash cannot be compared, skipping" >&2
    exit 0
  fi
  require_tools
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  build_into escrow "$tmp"
  expected="$(cut -d' ' -f1 "$dist/escrow.wasm.sha256")"
  actual="$(sha256sum "$tmp/escrow.wasm" | cut -d' ' -f1)"
  if [[ "$expected" != "$actual" ]]; then
    echo "build-contract --check: FAILED: dist/escrow.wasm is $expected, a rebuild gives $actual (rebuild with npm run build:contract and commit)" >&2
    exit 1
  fi
  echo "build-contract --check: ok ($actual)"
  exit 0
fi

require_tools
build_into escrow "$dist"
build_into floor "$root/contracts/floor/dist"
(cd "$dist" && sha256sum escrow.wasm > escrow.wasm.sha256)
echo "$rustc_version" > "$dist/rustc-version.txt"
echo "contracts/escrow/dist/escrow.wasm: $(stat -c %s "$dist/escrow.wasm") bytes, sha256 $(cut -d' ' -f1 "$dist/escrow.wasm.sha256")"
echo "contracts/floor/dist/floor.wasm: $(stat -c %s "$root/contracts/floor/dist/floor.wasm") bytes"
