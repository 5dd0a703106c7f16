#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for development and tests, under build/pg, on a private port.
#   scripts/pg.sh up     start it (creating it first); prints the URL
#   scripts/pg.sh down   stop it
#   scripts/pg.sh url    print the URL of the application's admin login
# Over TCP every login needs its password (scram-sha-256), as on an office server; only the
# cluster owner on the private socket is trusted.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${GOVSVC_PG_PORT:-54329}"
ROOT="${GOVSVC_PG_DIR:-$PWD/build/pg}"
DATA="$ROOT/data"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
[ -x "$BIN/initdb" ] || { echo "PostgreSQL server binaries not found: install Debian's postgresql package (scripts/system-deps.sh)" >&2; exit 1; }
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
url() { echo "postgresql+psycopg://govsvc_admin:govsvc_admin@127.0.0.1:$PORT/govsvc"; }
kill_now() { as_owner "$BIN/pg_ctl" -D "$DATA" -m immediate stop >/dev/null; }
case "${1:-up}" in
  up)
    mkdir -p "$ROOT"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$ROOT"; fi
    if [ ! -f "$DATA/PG_VERSION" ]; then
      as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    hba="local all all trust
host all all 127.0.0.1/32 scram-sha-256
host all all ::1/128 scram-sha-256"
    if [ "$(cat "$DATA/pg_hba.conf")" != "$hba" ]; then
      printf '%s\n' "$hba" | as_owner tee "$DATA/pg_hba.conf" >/dev/null
      as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1 && as_owner "$BIN/pg_ctl" -D "$DATA" reload >/dev/null
    fi
    if ! as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
      as_owner "$BIN/pg_ctl" -D "$DATA" -l "$ROOT/server.log" -w \
        -o "-p $PORT -k $ROOT -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    fi
    psql() { as_owner "$BIN/psql" -h "$ROOT" -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
    if [ "$(psql -d postgres -c "SELECT 1 FROM pg_roles WHERE rolname='govsvc_admin'")" != "1" ]; then
      psql -d postgres -c "CREATE ROLE govsvc_admin LOGIN CREATEROLE CREATEDB PASSWORD 'govsvc_admin'"
    fi
    if [ "$(psql -d postgres -c "SELECT 1 FROM pg_database WHERE datname='govsvc'")" != "1" ]; then
      psql -d postgres -c "CREATE DATABASE govsvc OWNER govsvc_admin"
    fi
    url
    ;;
  down)
    if [ -f "$DATA/PG_VERSION" ]; then as_owner "$BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null || true; fi
    ;;
  url) url ;;
  kill) kill_now ;;
  status) [ -f "$DATA/PG_VERSION" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1 ;;
  *) echo "usage: $0 up|down|kill|status|url" >&2; exit 2 ;;
esac
