#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster on loopback for the tests.
#   eval "$(tests/pg-throwaway.sh start)"   # exports PRAEFECT_TEST_PG and PRAEFECT_TEST_PG_DIR
#   tests/pg-throwaway.sh stop "$PRAEFECT_TEST_PG_DIR"
# start: initdb in a temp dir (as the 'postgres' user when run as root), pg_ctl on a free port of
# 127.0.0.1, trust auth, fsync off (it is thrown away). stop: pg_ctl stop and remove the dir.
set -euo pipefail
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 30000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  echo "pg-throwaway: no free port found on 127.0.0.1" >&2; return 1
}

start() {
  if [ ! -x "$PG_BIN/initdb" ]; then
    echo "pg-throwaway: $PG_BIN/initdb not found; install it with 'apt-get install postgresql-15' or set PG_BIN" >&2
    exit 1
  fi
  local dir port
  dir=$(mktemp -d /tmp/praefect-pg.XXXXXX)
  chmod 755 "$dir"
  if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
  as_owner "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  # The free port can be taken before the server binds it: try another port, a few times.
  local attempt started=no
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 120 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null; then
      started=yes; break
    fi
    grep -qi "address already in use" "$dir/server.log" || break
    echo "pg-throwaway: port $port was taken (attempt $attempt), trying another" >&2
  done
  [ "$started" = yes ] || { cat "$dir/server.log" >&2; exit 1; }
  echo "$port" >"$dir/port"
  echo "export PRAEFECT_TEST_PG='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
  echo "export PRAEFECT_TEST_PG_DIR='$dir'"
}

stop() {
  local dir=${1:-${PRAEFECT_TEST_PG_DIR:-}}
  if [ -z "$dir" ] || [ ! -d "$dir/data" ]; then
    echo "pg-throwaway: usage: $0 stop <dir printed by start>" >&2; exit 2
  fi
  as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start|stop [dir]" >&2; exit 2 ;;
esac
