#!/usr/bin/env bash
# A private PostgreSQL cluster for the service or the tests.
#   scripts/postgres.sh start DATA_DIR [--throwaway]  -> prints the connection string on stdout
#   scripts/postgres.sh stop DATA_DIR
#   scripts/postgres.sh status DATA_DIR                -> exit 0 while the server runs, 3 when it does not
# start and stop may be repeated: starting a running cluster only prints its connection string, and
# stopping a stopped one does nothing. --throwaway turns fsync off, which is only safe for clusters
# nobody minds losing in a crash (the tests'); the service's cluster holds real jobs and keeps it on.
# Installs the server with apt-get where it is missing. initdb refuses to run as root, so as root
# the cluster belongs to the 'postgres' system user. It listens on 127.0.0.1 only, on a free port,
# the one it had before when that is still free, so a restart keeps connection strings valid.
set -euo pipefail

usage() { echo "usage: $0 start DATA_DIR [--throwaway] | stop DATA_DIR | status DATA_DIR" >&2; exit 2; }
action=${1:-}
[ -n "${2:-}" ] || usage
data=$(realpath -m "$2")
throwaway=0
case "$action:${3:-}" in
  start:--throwaway) throwaway=1 ;;
  start: | stop: | status:) ;;
  *) usage ;;
esac

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

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# From a random place in the range, so that clusters starting at the same moment rarely try the same port; the start
# below tries another one when it still loses the race.
free_port() {
  local port previous offset
  previous=$(cat "$data/socket/port" 2>/dev/null || true)
  offset=$((RANDOM % 101))
  for port in $previous $(seq $((55432 + offset)) 55532) $(seq 55432 $((55431 + offset))); do
    port_is_free "$port" && { echo "$port"; return; }
  done
  echo "no free port between 55432 and 55532" >&2; return 1
}

running() { [ -f "$data/PG_VERSION" ] && as_owner "$BIN/pg_ctl" -D "$data" status >/dev/null 2>&1; }

connection_string() { echo "Host=127.0.0.1;Port=$1;Username=postgres;Database=training"; }

case "$action" in
  start)
    ensure_server
    if running && [ -f "$data/socket/port" ]; then
      port=$(cat "$data/socket/port")
      if [ "$throwaway" -eq 0 ] && [ "$("$BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc 'SHOW fsync')" != on ]; then
        echo "warning: $data is already running with fsync off; stop and start it again to turn fsync on" >&2
      fi
      connection_string "$port"
      exit 0
    fi
    mkdir -p "$data"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$data"
    if [ ! -f "$data/PG_VERSION" ]; then
      as_owner "$BIN/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$data.initdb.log" 2>&1 \
        || { cat "$data.initdb.log" >&2; exit 1; }
    fi
    mkdir -p "$data/socket"; [ "$(id -u)" -eq 0 ] && chown postgres: "$data/socket"
    for attempt in 1 2 3 4 5; do
      port=$(free_port) || exit 1
      options="-c listen_addresses=127.0.0.1 -p $port -k $data/socket -c max_connections=200"
      [ "$throwaway" -eq 1 ] && options="$options -c fsync=off"
      as_owner "$BIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 -o "$options" start >&2 && break
      # Another cluster took the port between the check and the start; anything else fails every attempt alike.
      [ "$attempt" -eq 5 ] && { tail -5 "$data/server.log" >&2; exit 1; }
      rm -f "$data/socket/port"
    done
    echo "$port" >"$data/socket/port"
    "$BIN/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='training'" | grep -q 1 \
      || "$BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres training
    connection_string "$port"
    ;;
  stop)
    BIN=$(pg_bin) || exit 0
    if running; then as_owner "$BIN/pg_ctl" -D "$data" -m fast -w stop >&2; fi
    ;;
  status)
    BIN=$(pg_bin) || exit 3
    running || exit 3
    ;;
esac
