#!/usr/bin/env bash
# Server figures: status polling throughput and latency under 64 connections (wrk), and the
# submit→completed time of a 10 s 1280×720 video. Prints figures; no pass/fail.
# Usage: Benchmarks/server-bench.sh   (SCRATCH_PATH=… to build elsewhere than .build)
# Needs curl, jq and wrk (Debian: apt-get install wrk).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in curl jq wrk; do
  command -v "$tool" >/dev/null || { echo "missing $tool (Debian: apt-get install $tool)" >&2; exit 1; }
done

scratch=${SCRATCH_PATH:-.build}
data=$(mktemp -d)
echo "building release…"
swift build -c release --scratch-path "$scratch" --product orator >"$data/build.log" 2>&1 ||
  { tail -30 "$data/build.log"; rm -rf "$data"; exit 1; }
orator="$scratch/release/orator"

port=$((20000 + RANDOM % 20000))
while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
key="bench-key-$RANDOM$RANDOM"
base="http://127.0.0.1:$port"
"$orator" serve --data-dir "$data" --port "$port" --api-key "$key" --workers 1 >"$data/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 600); do grep -q "Orator listening" "$data/server.log" && break; sleep 0.05; done
grep -q "Orator listening" "$data/server.log" || { cat "$data/server.log"; exit 1; }

# generate BODY → video id; wait ID → seconds from now until completed (polling every 50 ms)
generate() {
  curl -s -X POST "$base/v2/video/generate" -H "x-api-key: $key" -H "Content-Type: application/json" \
    -d "$1" | jq -r '.data.video_id'
}
wait_completed() {
  local status
  while true; do
    status=$(curl -s "$base/v1/video_status.get?video_id=$1" -H "x-api-key: $key" | jq -r '.data.status')
    case $status in completed) return 0 ;; failed) echo "video $1 failed" >&2; return 1 ;; esac
    sleep 0.05
  done
}
scene() { # TEXT WIDTH HEIGHT
  jq -nc --arg text "$1" --argjson w "$2" --argjson h "$3" '{
    video_inputs: [{character: {type: "avatar", avatar_id: "amara_navy_blazer", avatar_style: "normal"},
      voice: {type: "text", input_text: $text, voice_id: "en-us-female", speed: 1.0},
      background: {type: "color", value: "#FFFFFF"}}],
    dimension: {width: $w, height: $h}, title: "bench"}'
}

# 1. Status polling of a completed video.
id=$(generate "$(scene "Hello." 320 180)")
wait_completed "$id"
echo
echo "== GET /v1/video_status.get, 64 connections, 2 threads, 10 s =="
wrk -t2 -c64 -d10s --latency -H "x-api-key: $key" "$base/v1/video_status.get?video_id=$id" >"$data/wrk.txt"
rps=$(awk '/Requests\/sec/ {print $2}' "$data/wrk.txt")
p50=$(awk '$1 == "50%" {print $2}' "$data/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$data/wrk.txt")
errors=$(grep -E "Non-2xx|Socket errors" "$data/wrk.txt" || true)
echo "requests/s: $rps   p50: $p50   p99: $p99"
[ -n "$errors" ] && echo "$errors"

# 2. Submit → completed of a 10 s 1280×720 video (about 10 s of speech), nothing else queued.
text="Welcome to this short demonstration. In the next few seconds you will see how a simple script \
becomes a finished video, rendered locally on this machine. Thank you for watching."
start=$(date +%s.%N)
id=$(generate "$(scene "$text" 1280 720)")
wait_completed "$id"
end=$(date +%s.%N)
duration=$(curl -s "$base/v1/video_status.get?video_id=$id" -H "x-api-key: $key" | jq -r '.data.duration')
echo
echo "== submit → completed, 1280×720 =="
awk -v s="$start" -v e="$end" -v d="$duration" \
  'BEGIN { printf "video duration: %.2f s   submit→completed: %.2f s   (%.2f× real time)\n", d, e - s, d / (e - s) }'
