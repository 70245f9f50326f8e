#!/usr/bin/env bash
# Runs a command against a throw-away Postgres server:
#
#   scripts/with-postgres.sh COMMAND [ARGS…]
#
# starts Debian's Postgres (the `postgresql` package) on 127.0.0.1 on a free port with a fresh
# data directory, runs COMMAND with DATABASE_URL pointing at it, then stops the server and
# deletes the directory, whatever COMMAND's outcome (its exit code is the script's). Postgres
# refuses to run as root, so as root (CI) the server runs as the package's `postgres` user.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

[ "$#" -gt 0 ] || fail "usage: scripts/with-postgres.sh COMMAND [ARGS…]"

# Debian keeps initdb off PATH, under /usr/lib/postgresql/<version>/bin; elsewhere it is on PATH.
bindir=${POSTGRES_BINDIR:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -n "$bindir" ] || bindir=$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")
[ -x "$bindir/initdb" ] && [ -x "$bindir/pg_ctl" ] ||
  fail "Postgres is missing (no initdb and pg_ctl): on Debian install the postgresql package; elsewhere put its bin directory on PATH or in POSTGRES_BINDIR"

as_server=()
if [ "$(id -u)" = 0 ]; then
  user=postgres
  id -u "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
  as_server=(runuser -u "$user" --)
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/openescrow-pg.XXXXXX")
[ "${#as_server[@]}" -eq 0 ] || chown "$user" "$dir"
# A free port: the kernel picks one, we let it go and Postgres takes it straight after.
port=$(node_modules/.bin/node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')

stop() {
  "${as_server[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

"${as_server[@]}" "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; fail "initdb failed"; }
# Throw-away data: no fsync. The socket goes into the data directory, not /var/run/postgresql.
"${as_server[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null || { cat "$dir/server.log" >&2; fail "Postgres did not start"; }

export DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
set +e
"$@"
code=$?
set -e
exit "$code"
