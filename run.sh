#!/usr/bin/env bash
# Starts the whole service: PostgreSQL (a private cluster unless ConnectionStrings__TrainingDb is
# set), the Api, the Worker and the Web dashboard. Ctrl-C stops all of it, database included.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
data="$root/.data"
api_port=${API_PORT:-5080}
web_port=${WEB_PORT:-5090}
configuration=${CONFIGURATION:-Release}
mkdir -p "$data/logs"

pids=()
own_db=0
stop_all() {
  trap - INT TERM EXIT
  echo; echo "Stopping..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ "$own_db" -eq 1 ] && scripts/postgres.sh stop "$data/postgres"
  echo "Stopped."
  exit 0
}
trap stop_all INT TERM EXIT

echo "Building ($configuration)..."
dotnet build TrainingService.slnx -c "$configuration" -v quiet -nologo >"$data/logs/build.log" 2>&1 \
  || { tail -n 30 "$data/logs/build.log"; exit 1; }
scripts/provision-mnist.sh "$data/datasets/mnist"

if [ -z "${ConnectionStrings__TrainingDb:-}" ]; then
  export ConnectionStrings__TrainingDb=$(scripts/postgres.sh start "$data/postgres")
  own_db=1
fi
export StorageOptions__CheckpointRoot="${StorageOptions__CheckpointRoot:-$data/checkpoints}"
export StorageOptions__DatasetRoot="${StorageOptions__DatasetRoot:-$data/datasets}"
export ApiOptions__BaseUrl="http://127.0.0.1:$api_port"
export ApiOptions__PublicUrl="${ApiOptions__PublicUrl:-http://127.0.0.1:$api_port}"

start() { # name project url
  dotnet run --no-build -c "$configuration" --no-launch-profile --project "src/$2" -- --urls "$3" >"$data/logs/$1.log" 2>&1 &
  pids+=($!)
}
wait_for() { # name url
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$2" 2>/dev/null && return 0
    sleep 1
  done
  echo "$1 did not answer at $2; see $data/logs/$1.log" >&2; tail -n 20 "$data/logs/$1.log" >&2; exit 1
}

start api Api "http://127.0.0.1:$api_port"
wait_for api "http://127.0.0.1:$api_port/health"
start worker Worker "http://127.0.0.1:0"
start web Web "http://127.0.0.1:$web_port"
wait_for web "http://127.0.0.1:$web_port/"

cat <<TXT

Training service is up.
  Dashboard:  http://127.0.0.1:$web_port
  Swagger:    http://127.0.0.1:$api_port/swagger
  API:        http://127.0.0.1:$api_port/api/jobs
  Hangfire:   http://127.0.0.1:$api_port/hangfire
Logs in $data/logs. Press Ctrl-C to stop everything.
TXT
wait -n "${pids[@]}" || true
echo "A process exited; see $data/logs." >&2
