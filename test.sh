#!/usr/bin/env bash
# Builds and runs every test against a private PostgreSQL cluster, then prints one closing line:
#   N passed, N failed[, N skipped]
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
data=$(mktemp -d /tmp/trainingservice-tests.XXXXXX)
chmod 755 "$data"
cleanup() { scripts/postgres.sh stop "$data/postgres" >/dev/null 2>&1; rm -rf "$data"; }
trap cleanup EXIT

dotnet build TrainingService.slnx -c Debug -nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }
scripts/provision-pytorch.sh || echo "Debian's PyTorch is not available; the PyTorch interop tests will show as skipped."
scripts/provision-chromium.sh || echo "Chromium is not available; the dashboard browser tests will show as skipped."
scripts/provision-mnist.sh "$root/.data/datasets/mnist" || { echo "0 passed, 1 failed"; exit 1; }
export TEST_POSTGRES=$(scripts/postgres.sh start "$data/postgres" --throwaway) || { echo "0 passed, 1 failed"; exit 1; }
export TEST_MNIST_ROOT="$root/.data/datasets"

log="$data/test.log"
dotnet test TrainingService.slnx --no-build -c Debug -nologo -m:1 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

summary=$(grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3} END {printf "%d %d %d", p, f, s}')
read -r passed failed skipped <<<"$summary"
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
