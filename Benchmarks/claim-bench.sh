#!/usr/bin/env bash
# The job claim on PostgreSQL with a long queue: claims per second through the worker API
# (`POST /internal/worker/claim`, the path remote workers use) with 20,000 queued jobs, as a
# ratio against the empty-queue claim rate and a short-queue claim rate measured in the same
# run, on the same server. A benchmark, not a test: it prints figures and asserts nothing.
#
#   Benchmarks/claim-bench.sh [queued-jobs] [claims-per-round]
#
# Uses the PostgreSQL server ORATOR_TEST_POSTGRES_URL names, or starts a throwaway one
# (scripts/postgres-test-server.sh); the orator binary is ORATOR_EXECUTABLE, else
# .build/release/orator, else .build/debug/orator. Needs psql, curl and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
queued=${1:-20000}
claims=${2:-500}

bin=${ORATOR_EXECUTABLE:-}
for candidate in .build/release/orator .build/debug/orator; do
  if [ -z "$bin" ] && [ -x "$candidate" ]; then bin=$candidate; fi
done
[ -n "$bin" ] || { echo "claim-bench: build orator first (swift build -c release)" >&2; exit 1; }

if [ -z "${ORATOR_TEST_POSTGRES_URL:-}" ]; then
  eval "$(scripts/postgres-test-server.sh start)"
  trap 'scripts/postgres-test-server.sh stop "$ORATOR_TEST_POSTGRES_DIR"' EXIT
fi
server_url=$ORATOR_TEST_POSTGRES_URL
database="orator_claim_bench_$$"
url=${server_url/\/postgres\?/\/$database?}
psql -q "$server_url" -c "CREATE DATABASE $database"

data=$(mktemp -d -t orator-claim-bench.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
token="claim-bench-$$"
"$bin" serve --database-url "$url" --data-dir "$data" --port "$port" --workers 0 \
  --worker-token "$token" --api-key "claim-bench-key-$$" >"$data/server.log" 2>&1 &
server=$!
cleanup() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  psql -q "$server_url" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" || true
  rm -rf "$data"
  if [ -n "${ORATOR_TEST_POSTGRES_DIR:-}" ] && [ -z "${keep_postgres:-}" ]; then
    scripts/postgres-test-server.sh stop "$ORATOR_TEST_POSTGRES_DIR"
  fi
}
trap cleanup EXIT
for _ in $(seq 1 300); do
  grep -q "Orator listening" "$data/server.log" && break
  sleep 0.1
done
grep -q "Orator listening" "$data/server.log" || { cat "$data/server.log" >&2; exit 1; }

# `count` queued jobs of generated videos, numbered from `first`, straight into the tables
# (the trigger copies each video's kind into its job, as for jobs the API queues).
fill() {
  local first=$1 count=$2
  psql -q -v ON_ERROR_STOP=1 "$url" <<SQL
INSERT INTO accounts (id, name, created_at, credit_seconds)
  VALUES ('$(printf 'b%.0s' {1..32})', 'bench', 0, 0) ON CONFLICT DO NOTHING;
INSERT INTO videos (id, account_id, kind, title, status, request, is_test, caption,
    created_at, updated_at, reserved_credit, charged_credit)
  SELECT lpad(to_hex(n), 32, '0'), '$(printf 'b%.0s' {1..32})', 'generated', 'bench', 'pending',
    convert_to('{"video_inputs":[]}', 'UTF8'), true, false, n, n, 0, 0
  FROM generate_series($((first + 1)), $((first + count))) AS n;
INSERT INTO jobs (id, video_id, account_id, state, run_after, attempt, fencing_token,
    created_at, updated_at)
  SELECT 'c' || lpad(to_hex(n), 31, '0'), lpad(to_hex(n), 32, '0'), '$(printf 'b%.0s' {1..32})',
    'queued', n, 0, 0, n, n
  FROM generate_series($((first + 1)), $((first + count))) AS n;
ANALYZE jobs;
SQL
}

# Claims `claims` times over one keep-alive connection; prints claims per second and how
# many answers held a job.
measure() {
  python3 - "$port" "$token" "$claims" <<'PY'
import http.client, json, sys, time
port, token, count = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
connection = http.client.HTTPConnection("127.0.0.1", port)
body = json.dumps({"owner": "bench", "wait_seconds": 0})
headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
taken = 0
start = time.perf_counter()
for _ in range(count):
    connection.request("POST", "/internal/worker/claim", body, headers)
    answer = json.loads(connection.getresponse().read())
    taken += answer.get("job") is not None
elapsed = time.perf_counter() - start
print(f"{count / elapsed:.1f} {taken}")
PY
}

read -r empty empty_taken < <(measure)
fill 0 "$claims"
read -r short short_taken < <(measure)
fill "$claims" "$queued"
read -r long long_taken < <(measure)

cores=$(nproc 2>/dev/null || echo "?")
echo "claim-bench: PostgreSQL, $claims claims per round over HTTP, one client, $cores cores"
printf '  empty queue            %8.1f claims/s (%s jobs taken)\n' "$empty" "$empty_taken"
printf '  %5d queued           %8.1f claims/s (%s jobs taken)\n' "$claims" "$short" "$short_taken"
printf '  %5d queued           %8.1f claims/s (%s jobs taken)\n' "$queued" "$long" "$long_taken"
python3 -c "import sys; e, s, l = map(float, sys.argv[1:4]); print(f'  {sys.argv[4]} queued / empty queue: {l / e:.2f}×   / {sys.argv[5]} queued: {l / s:.2f}×')" \
  "$empty" "$short" "$long" "$queued" "$claims"
