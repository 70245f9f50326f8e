#!/usr/bin/env bash
# `npm run test:fuzz`: a property-based fuzz of the platform API from its own OpenAPI document
# (Schemathesis, pinned in scripts/fuzz-api/requirements.txt) against a fresh localnet and the
# built app, with a key it gets for itself by signing in. It fails on any 5xx, any response
# that does not match its documented schema, status or content type, and any invalid input
# that is accepted. Bounded: a fixed seed, a maximum of examples per operation and of time.
#
#   scripts/fuzz-api.sh            install Schemathesis if needed, start everything, fuzz, stop
#   scripts/fuzz-api.sh --install  only install Schemathesis into .cache/schemathesis (setup.sh)
#
# FUZZ_LOCALNET_PORT, FUZZ_APP_PORT, FUZZ_DATA_DIR pick where it runs; FUZZ_SEED,
# FUZZ_MAX_EXAMPLES and FUZZ_MAX_SECONDS bound it. The app keeps its read model where it always
# does (DATABASE_URL, else PGlite): `npm run test:fuzz` gives it a throw-away Postgres.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
export PATH="$PWD/node_modules/.bin:$PATH"

venv=.cache/schemathesis
requirements=scripts/fuzz-api/requirements.txt

install_schemathesis() {
  local want
  want=$(sha256sum "$requirements" | cut -d' ' -f1)
  [ -x "$venv/bin/schemathesis" ] && [ "$(cat "$venv/.requirements" 2>/dev/null)" = "$want" ] && return 0
  step "installing Schemathesis into $venv (the versions in $requirements)"
  command -v python3 >/dev/null 2>&1 || fail "python3 is missing: install python3 and python3-venv"
  rm -rf "$venv"
  python3 -m venv "$venv" || fail "python3 cannot make a venv: on Debian install python3-venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
  echo "$want" >"$venv/.requirements"
}

install_schemathesis
[ "${1:-}" = --install ] && exit 0

export E2E_LOCALNET_PORT="${FUZZ_LOCALNET_PORT:-8025}"
export E2E_APP_PORT="${FUZZ_APP_PORT:-3105}"
export E2E_DATA_DIR="${FUZZ_DATA_DIR:-.cache/fuzz-chain}"
# Thousands of requests from one key: the per-key limit is tested elsewhere (lib/api/matrix.test.ts).
export OPENESCROW_API_RATE_LIMIT=1000000
app="http://127.0.0.1:$E2E_APP_PORT"
logs=$(mktemp -d "${TMPDIR:-/tmp}/openescrow-fuzz.XXXXXX")

# Each server in its own process group, so that stopping it stops whatever it started.
groups=()
stop() {
  for g in "${groups[@]}"; do kill -TERM -- "-$g" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop EXIT
start() { # SCRIPT NAME [VAR=VALUE…]
  env "${@:3}" setsid bash "$1" >"$logs/$2.log" 2>&1 &
  groups+=("$!")
}
wait_for() { # URL SECONDS NAME
  local until=$((SECONDS + $2))
  until node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1"; do
    [ "$SECONDS" -lt "$until" ] || { tail -n 40 "$logs/$3.log" >&2; fail "$3 did not answer at $1"; }
    sleep 1
  done
}

step "starting localnet (port $E2E_LOCALNET_PORT) and the app (port $E2E_APP_PORT)"
start e2e/start-localnet.sh localnet
wait_for "http://127.0.0.1:$E2E_LOCALNET_PORT/health" 120 localnet
# The app is built by the e2e step before; on its own this builds it first (minutes). Node's
# HTTP server refuses a URL over 16 KiB (431) before the app sees it; the fuzz sends longer
# invalid queries, which should reach the app's own validation.
start e2e/start-app.sh app NODE_OPTIONS=--max-http-header-size=262144
wait_for "$app/api/v1/openapi.json" 900 app
key=$(tsx scripts/fuzz-api/api-key.ts "$app" read,prepare,submit,webhooks)
# Real escrows and their acting account, drawn for most ids and sources so that the fuzz gets
# past "no such escrow" into each step's own input handling; the rest stay generated.
targets=$(tsx scripts/fuzz-api/escrows.ts)
config="$logs/schemathesis.toml"
{
  cat scripts/fuzz-api/schemathesis.toml
  node -e '
    const t = JSON.parse(process.argv[1]);
    const list = (v) => JSON.stringify(v);
    console.log(`\n[dictionaries.escrows]\nvalues = ${list(t.escrows)}\n\n[dictionaries.accounts]\nvalues = ${list(t.accounts)}\n`);
    console.log(`[parameters]\n"path.id" = { dictionary = "escrows", probability = 0.8 }\n"body.source" = { dictionary = "accounts", probability = 0.8 }`);
  ' "$targets"
} >"$config"

step "fuzzing $app/api/v1 from its OpenAPI document (Schemathesis)"
set +e
# From the logs directory: Schemathesis keeps a cache of past crashes in the working directory,
# and each run should start from nothing (the same seed, the same cases).
cd "$logs"
timeout "$(("${FUZZ_MAX_SECONDS:-150}" + 60))" "$OLDPWD/$venv/bin/schemathesis" --config-file "$config" run "$app/api/v1/openapi.json" \
  --url "$app/api/v1" \
  --header "Authorization: Bearer $key" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,negative_data_rejection \
  --mode all \
  --phases examples,coverage,fuzzing \
  --seed "${FUZZ_SEED:-20261201}" \
  --max-examples "${FUZZ_MAX_EXAMPLES:-40}" \
  --max-time "${FUZZ_MAX_SECONDS:-150}" \
  --request-timeout 30 \
  --generation-database none \
  --workers 1 \
  --no-color
code=$?
set -e
cd "$OLDPWD"
if [ "$code" -ne 0 ]; then
  echo "--- the app's log (last 60 lines) ---" >&2
  tail -n 60 "$logs/app.log" >&2
  fail "the API fuzz found problems (Schemathesis exit $code; logs in $logs)"
fi
rm -rf "$logs"
step "API fuzz passed"
