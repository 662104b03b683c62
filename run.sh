#!/usr/bin/env bash
# Starts the whole service: PostgreSQL (a private cluster unless ConnectionStrings__TrainingDb is
# set), the Api, the Worker and the Web dashboard, and keeps them up as a restart policy would: a
# process that exits, however it exits, is started again after a back-off (1 s, doubling to 30 s,
# back to 1 s once it has stayed up a minute). Ctrl-C, SIGTERM or a closed terminal stops all of it,
# database last.
#   ./run.sh                   the service; on the first run (no user yet) it prints the admin's key once
#   ./run.sh accounts <args>   the accounts command against the same database (./run.sh accounts prints its usage)
# TRAINING_DATA_DIR (default .data) holds the private cluster, checkpoints, datasets and logs;
# SKIP_BUILD=1 uses the binaries already built.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
data=$(realpath -m "${TRAINING_DATA_DIR:-$root/.data}")
logs="$data/logs"
api_port=${API_PORT:-5080}
web_port=${WEB_PORT:-5090}
configuration=${CONFIGURATION:-Release}
# A stopping worker checkpoints and hands its job back to the queue before it exits.
worker_grace=${WORKER_GRACE_SECONDS:-60}
# The .NET host's own shutdown timeout; the Api and the Web need no more.
grace=30
max_backoff=30
healthy_after=60
skip_build=${SKIP_BUILD:-0}
mkdir -p "$logs"
accounts_bin="$root/tools/Accounts/bin/$configuration/net10.0/TrainingService.Accounts"

# The accounts command and nothing else: the private cluster is started for it only when it is not
# running already, and stopped again after. Secrets go to the terminal, never to a log.
if [ "${1:-}" = accounts ]; then
  shift
  if [ "$skip_build" != 1 ]; then
    dotnet build tools/Accounts -c "$configuration" -v quiet -nologo >"$logs/build-accounts.log" 2>&1 \
      || { tail -n 30 "$logs/build-accounts.log" >&2; exit 1; }
  fi
  started_db=0
  if [ -z "${ConnectionStrings__TrainingDb:-}" ]; then
    scripts/postgres.sh status "$data/postgres" 2>/dev/null || started_db=1
    ConnectionStrings__TrainingDb=$(scripts/postgres.sh start "$data/postgres" 2>>"$logs/postgres.log") \
      || { tail -n 20 "$logs/postgres.log" >&2; exit 1; }
    export ConnectionStrings__TrainingDb
  fi
  status=0
  "$accounts_bin" "$@" || status=$?
  if [ "$started_db" -eq 1 ]; then scripts/postgres.sh stop "$data/postgres" 2>>"$logs/postgres.log" || true; fi
  exit "$status"
fi

services=(api worker web)
declare -A project=([api]=Api [worker]=Worker [web]=Web)
declare -A url=([api]="http://127.0.0.1:$api_port" [worker]="http://127.0.0.1:0" [web]="http://127.0.0.1:$web_port")
declare -A pid=() started=() backoff=() restart_at=()
own_db=0 db_backoff=0 db_restart_at=-1 db_checked=0

stamp() { date '+%F %T'; }
say() { echo "$(stamp) $*" 2>/dev/null || true; }
# One line on the terminal and the same line in the service's log.
report() { # name message
  say "$2"
  echo "--- $(stamp) $2 ---" >>"$logs/$1.log"
}

# Runs in the background job itself: exec, so that the pid supervised (and printed) is the service's
# own, in the project folder as under dotnet run, which would stand between them as a second process.
# A closed terminal hangs up the whole process group; the services ignore that and get this shell's
# SIGTERM instead, so the Worker still checkpoints.
service() { # name
  local dir="$root/src/${project[$1]}"
  trap '' HUP
  cd "$dir"
  echo "--- $(stamp) started pid $BASHPID ---"
  exec "$dir/bin/$configuration/net10.0/TrainingService.${project[$1]}" --urls "${url[$1]}"
}

launch() { # name
  service "$1" >>"$logs/$1.log" 2>&1 </dev/null &
  pid[$1]=$!
  started[$1]=$SECONDS
}

alive() { [ -n "${pid[$1]:-}" ] && kill -0 "${pid[$1]}" 2>/dev/null; }
grace_of() { if [ "$1" = worker ]; then echo "$worker_grace"; else echo "$grace"; fi; }

# Waits for the exit collected by the shell and schedules the next start.
schedule_restart() { # name
  local name=$1 status=0 how
  wait "${pid[$name]}" 2>/dev/null || status=$?
  if [ "$status" -gt 128 ]; then how="was killed by signal $((status - 128))"; else how="exited with status $status"; fi
  local previous=${backoff[$name]:-0}
  if [ "$previous" -eq 0 ] || [ $((SECONDS - ${started[$name]})) -ge "$healthy_after" ]; then
    backoff[$name]=1
  else
    backoff[$name]=$((previous * 2 > max_backoff ? max_backoff : previous * 2))
  fi
  restart_at[$name]=$((SECONDS + backoff[$name]))
  report "$name" "$name (pid ${pid[$name]}) $how; restarting in ${backoff[$name]} s"
  pid[$name]=""
}

stop_service() { # name grace_seconds
  local name=$1 deadline=$((SECONDS + $2))
  alive "$name" || return 0
  kill -TERM "${pid[$name]}" 2>/dev/null || true
  while alive "$name" && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
  if alive "$name"; then
    report "$name" "$name (pid ${pid[$name]}) still running after $2 s; killing it"
    kill -KILL "${pid[$name]}" 2>/dev/null || true
  fi
  wait "${pid[$name]}" 2>/dev/null || true
  pid[$name]=""
}

start_database() {
  local connection
  connection=$(scripts/postgres.sh start "$data/postgres" 2>>"$logs/postgres.log") \
    || { tail -n 20 "$logs/postgres.log" >&2; return 1; }
  echo "--- $(stamp) started pid $(head -n 1 "$data/postgres/postmaster.pid") ---" >>"$logs/postgres.log"
  export ConnectionStrings__TrainingDb=$connection
}

# pg_ctl runs the server outside this shell, so it is polled rather than waited for.
supervise_database() {
  [ "$own_db" -eq 1 ] || return 0
  if [ "$db_restart_at" -ge 0 ]; then
    [ "$SECONDS" -ge "$db_restart_at" ] || return 0
    local before=$ConnectionStrings__TrainingDb
    if start_database; then
      db_restart_at=-1
      report postgres "PostgreSQL is running again"
      if [ "$ConnectionStrings__TrainingDb" != "$before" ]; then
        say "PostgreSQL now listens elsewhere; restarting the Api and the Worker with the new connection string"
        for name in api worker; do stop_service "$name" "$(grace_of "$name")"; launch "$name"; done
      fi
    else
      db_backoff=$((db_backoff * 2 > max_backoff ? max_backoff : db_backoff * 2))
      db_restart_at=$((SECONDS + db_backoff))
      report postgres "PostgreSQL did not start; trying again in $db_backoff s"
    fi
    return 0
  fi
  [ $((SECONDS - db_checked)) -ge 5 ] || return 0
  db_checked=$SECONDS
  scripts/postgres.sh status "$data/postgres" && return 0
  db_backoff=1
  db_restart_at=$((SECONDS + db_backoff))
  report postgres "PostgreSQL stopped; restarting in $db_backoff s"
}

stop_all() { # exit status
  trap 'say "Still stopping: the Worker may take up to $worker_grace s to checkpoint."' INT TERM
  trap quiet HUP
  trap - EXIT
  # Ctrl-C also ends a pipe reading this output (./run.sh | tee); stopping must not die writing to it.
  trap '' PIPE
  say ""; say "Stopping..."
  for name in "${services[@]}"; do alive "$name" && kill -TERM "${pid[$name]}" 2>/dev/null; done
  for name in "${services[@]}"; do stop_service "$name" "$(grace_of "$name")"; done
  if [ "$own_db" -eq 1 ]; then scripts/postgres.sh stop "$data/postgres" 2>>"$logs/postgres.log" || say "PostgreSQL did not stop; see $logs/postgres.log"; fi
  say "Stopped."
  exit "$1"
}
# A closed terminal must not end this shell halfway through stopping, on a failed write to it.
quiet() { exec >/dev/null 2>&1; }
trap 'stop_all 0' INT TERM
trap 'quiet; stop_all 0' HUP
trap 'stop_all $?' EXIT

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$api_port" "$web_port"; do
  if listening "$port"; then
    echo "Something already listens on 127.0.0.1:$port (a ./run.sh still running?); stop it or set API_PORT / WEB_PORT." >&2
    exit 1
  fi
done

# Runs a build step with its output in the build log, saying every 15 s that it is still at it, and how long it took.
build_step() {
  local what=$1; shift
  local began=$SECONDS
  "$@" >>"$logs/build.log" 2>&1 &
  # Not "pid": a local of that name would hide the services' table from stop_all when a failed build exits here.
  local build_pid=$!
  while ! wait_for_exit "$build_pid" 15; do
    say "  ... still $what ($((SECONDS - began)) s; details in $logs/build.log)"
  done
  wait "$build_pid" || { tail -n 30 "$logs/build.log"; exit 1; }
  say "  $what: done in $((SECONDS - began)) s."
}

wait_for_exit() {
  local waited_pid=$1 seconds=$2 i
  for ((i = 0; i < seconds * 4; i++)); do
    kill -0 "$waited_pid" 2>/dev/null || return 0
    sleep 0.25
  done
  return 1
}

if [ "$skip_build" = 1 ]; then
  say "Using the service as built ($configuration)."
else
  : >"$logs/build.log"
  if [ -x "$root/src/Worker/bin/$configuration/net10.0/TrainingService.Worker" ]; then
    say "Building the service ($configuration), output in $logs/build.log:"
  else
    say "First build of the service ($configuration), output in $logs/build.log. It restores the NuGet packages"
    say "(TorchSharp's libtorch alone is a few hundred MB), patches libtorch for Debian 12's libstdc++ and compiles"
    say "the Api, the Worker, the dashboard and the accounts command (not the tests and tools): a few minutes, once."
  fi
  # The service's projects only (TrainingService.Service.slnf): the tests and the tools would add five more
  # copies of libtorch and most of the first start's time; ./test.sh builds them.
  build_step "restoring packages" dotnet restore TrainingService.Service.slnf -v quiet -nologo
  build_step "compiling" dotnet build TrainingService.Service.slnf -c "$configuration" --no-restore -v quiet -nologo
fi
export StorageOptions__CheckpointRoot="${StorageOptions__CheckpointRoot:-$data/checkpoints}"
export StorageOptions__DatasetRoot="${StorageOptions__DatasetRoot:-$data/datasets}"
scripts/provision-mnist.sh "$StorageOptions__DatasetRoot/mnist"

if [ -z "${ConnectionStrings__TrainingDb:-}" ]; then
  if [ -f "$data/postgres/PG_VERSION" ]; then
    say "Starting PostgreSQL ($data/postgres)..."
  else
    say "Creating the database cluster in $data/postgres and starting PostgreSQL (first start only)..."
  fi
  own_db=1
  began=$SECONDS
  start_database
  say "  PostgreSQL: up in $((SECONDS - began)) s."
fi

# Before any service starts, so that a first run's key is the first thing on the terminal. Its output
# goes to the terminal only: the key must never reach a log file.
"$accounts_bin" first-run --sign-in-url "${url[web]}"
export ApiOptions__BaseUrl="http://127.0.0.1:$api_port"
export ApiOptions__PublicUrl="${ApiOptions__PublicUrl:-http://127.0.0.1:$api_port}"

# The first start fails fast: a service that cannot come up once will not by being restarted.
wait_for() { # name url
  local began=$SECONDS
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$2" 2>/dev/null && { say "  $1: answering in $((SECONDS - began)) s."; return 0; }
    alive "$1" || break
    sleep 1
  done
  echo "$1 did not answer at $2; see $logs/$1.log" >&2; tail -n 20 "$logs/$1.log" >&2; exit 1
}

say "Starting the Api (it applies any pending database migrations first), then the Worker and the Web..."
launch api
wait_for api "${url[api]}/health"
launch worker
launch web
wait_for web "${url[web]}/"

cat <<TXT

Training service is up.
  Dashboard:  http://127.0.0.1:$web_port
  Swagger:    http://127.0.0.1:$api_port/swagger
  API:        http://127.0.0.1:$api_port/api/jobs
  Hangfire:   http://127.0.0.1:$api_port/hangfire
Sign in to the dashboard with an API key (a new one: ./run.sh accounts create-key <user>).
Logs in $logs. A process that stops is restarted. Press Ctrl-C to stop everything.
TXT

while true; do
  for name in "${services[@]}"; do
    if [ -n "${pid[$name]}" ]; then
      alive "$name" || schedule_restart "$name"
    elif [ "$SECONDS" -ge "${restart_at[$name]}" ]; then
      launch "$name"
      say "$name restarted as pid ${pid[$name]}"
    fi
  done
  supervise_database
  sleep 1
done
