#!/usr/bin/env bash
# The rows of issue 9's table that need PostgreSQL down, retried by hand against a real Api process:
# starts a throwaway cluster and the built Api on it (no worker), then stops PostgreSQL (a refused
# connection) and freezes it with SIGSTOP (a host that accepts nothing and answers nothing), and
# prints each request's status, Retry-After and time, each sent with an admin key that the accounts
# command creates on that cluster. Build first (dotnet build TrainingService.slnx).
#   tools/hostile/outage_rows.sh [PORT]
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${1:-5180}
work=$(mktemp -d /tmp/outage-rows.XXXXXX)
chmod 755 "$work"
api_pid=""
cleanup() {
  [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null
  signal_cluster CONT 2>/dev/null || true
  scripts/postgres.sh stop "$work/postgres" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
signal_cluster() { # SIGNAL: the postmaster and every backend of this cluster
  local postmaster
  postmaster=$(head -n 1 "$work/postgres/postmaster.pid")
  kill "-$1" "$postmaster"
  pkill "-$1" -P "$postmaster" || true
}

connection=$(scripts/postgres.sh start "$work/postgres" --throwaway)
key=$(ConnectionStrings__TrainingDb="$connection" dotnet tools/Accounts/bin/Debug/net10.0/TrainingService.Accounts.dll \
  create-user outage --role admin | tail -n 1)
ConnectionStrings__TrainingDb="$connection" StorageOptions__CheckpointRoot="$work/checkpoints" \
  StorageOptions__DatasetRoot="$work/datasets" ASPNETCORE_URLS="http://127.0.0.1:$port" \
  dotnet src/Api/bin/Debug/net10.0/TrainingService.Api.dll >"$work/api.log" 2>&1 &
api_pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 120); do curl -sf "$base/health/live" >/dev/null && break; sleep 0.5; done

spec='{"model":{"name":"lenet5"},"dataset":{"name":"mnist"},"hyperparameters":{"epochs":1,"batchSize":64,"learningRate":0.05}}'
probe() { # label method path
  local out
  if [ "$2" = POST ]; then
    out=$(curl -s -o "$work/body" -D "$work/headers" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $key" -X POST -H 'Content-Type: application/json' -d "$spec" "$base$3")
  else
    out=$(curl -s -o "$work/body" -D "$work/headers" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $key" "$base$3")
  fi
  local retry
  retry=$(grep -i '^retry-after:' "$work/headers" | tr -d '\r' | awk '{print $2}' || true)
  printf '| %s | `%s %s` | %s | %s | %.0f ms | %s |\n' "$1" "$2" "$3" "${out%% *}" "${retry:--}" \
    "$(awk -v t="${out##* }" 'BEGIN { print t * 1000 }')" "$(head -c 140 "$work/body" | tr '\n|' ' /')"
}

echo "| PostgreSQL | request | status | Retry-After | time | body |"
echo "|---|---|---|---|---|---|"
probe "up" GET /api/jobs
probe "up" GET /health/ready
scripts/postgres.sh stop "$work/postgres" >/dev/null
for round in 1 2; do
  probe "stopped ($round)" GET /api/jobs
  probe "stopped ($round)" POST /api/jobs
  probe "stopped ($round)" GET /health/ready
  probe "stopped ($round)" GET /health/live
done
scripts/postgres.sh start "$work/postgres" --throwaway >/dev/null
sleep 2
probe "started again" GET /api/jobs
signal_cluster STOP
sleep 3
for round in 1 2; do
  probe "frozen ($round)" GET /api/jobs
  probe "frozen ($round)" GET /health/ready
done
signal_cluster CONT
sleep 3
probe "thawed" GET /api/jobs
