# Helpers shared by the project's shell scripts (sourced, not run).

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Native cargo: rustup's when present, otherwise Debian's (rustc-web / cargo-web).
run_cargo() {
  if command -v cargo >/dev/null 2>&1; then
    cargo "$@"
  else
    RUSTC=/usr/bin/rustc /usr/bin/cargo "$@"
  fi
}
