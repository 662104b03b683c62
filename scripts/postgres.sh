#!/usr/bin/env bash
# A private PostgreSQL cluster for the service or the tests.
#   scripts/postgres.sh start DATA_DIR   -> prints the connection string on stdout
#   scripts/postgres.sh stop DATA_DIR
# Installs the server with apt-get where it is missing. initdb refuses to run as root, so as root
# the cluster belongs to the 'postgres' system user. It listens on 127.0.0.1 only, on a free port.
set -euo pipefail

action=${1:?start or stop}
data=$(realpath -m "${2:?data directory}")

pg_bin() {
  local found
  found=$(command -v pg_ctl 2>/dev/null || true)
  [ -n "$found" ] && { dirname "$(readlink -f "$found")"; return; }
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$found" ] && [ -x "$found/pg_ctl" ] && { echo "$found"; return; }
  return 1
}

ensure_server() {
  if ! pg_bin >/dev/null; then
    echo "PostgreSQL server not found; installing it with apt-get" >&2
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2
  fi
  BIN=$(pg_bin)
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  local port
  for port in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port between 55432 and 55532" >&2; return 1
}

case "$action" in
  start)
    ensure_server
    mkdir -p "$data"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$data"
    if [ ! -f "$data/PG_VERSION" ]; then
      as_owner "$BIN/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$data.initdb.log" 2>&1 \
        || { cat "$data.initdb.log" >&2; exit 1; }
    fi
    port=$(free_port)
    mkdir -p "$data/socket"; [ "$(id -u)" -eq 0 ] && chown postgres: "$data/socket"
    as_owner "$BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $data/socket -c max_connections=200 -c fsync=off" start >&2
    echo "$port" >"$data/socket/port"
    "$BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='training'" | grep -q 1 \
      || "$BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres training
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=training"
    ;;
  stop)
    BIN=$(pg_bin) || exit 0
    [ -f "$data/postmaster.pid" ] && as_owner "$BIN/pg_ctl" -D "$data" -m fast -w stop >&2 || true
    ;;
  *) echo "usage: $0 start|stop DATA_DIR" >&2; exit 2 ;;
esac
