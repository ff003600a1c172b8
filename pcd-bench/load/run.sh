#!/bin/sh
# Load run for issue 5: CDS Hooks patient-view under wrk on loopback, 1/8/32 connections, and the
# trivial /health endpoint of the same server as the ceiling; then a 60 s run at 32 connections
# sampling the server's RSS every 5 s. Needs wrk (Debian package) and a built pcd.jar.
# Usage: pcd-bench/load/run.sh [duration-seconds [warm-up-seconds]]   (from the repository root)
# The warm-up (default 60 s at 32 connections) lets the JIT finish: on 2 cores shared with wrk,
# C2 was still compiling a minute into a run and took a fifth of the CPU.
set -eu
d=${1:-10}
warm=${2:-60}
root=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
work=$(mktemp -d)
port=18081
# realistic bodies: a synthetic population's patients (all of its planted cases and as many
# background patients), each as a patient-view request with its resources prefetched
java -jar "$root/pcd-cli/target/pcd.jar" synth --patients 2000 --seed 3 --out "$work/pop" >/dev/null
python3 "$root/pcd-bench/load/requests.py" "$work/pop" > "$work/requests.txt"
echo "requests: $(wc -l < "$work/requests.txt"), mean $(( $(wc -c < "$work/requests.txt") / $(wc -l < "$work/requests.txt") )) bytes"
"$root/pcd" serve --port $port --insecure-no-auth \
  --data-dir "$work/data" > "$work/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT
for i in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.2; done
export PCD_LOAD_REQUESTS="$work/requests.txt"
url="http://127.0.0.1:$port/cds-services/pcd-patient-view"
wrk -t2 -c32 -d${warm}s -s "$root/pcd-bench/load/patient-view.lua" "$url" >/dev/null # warm-up
for c in 1 8 32; do
  t=$([ $c -eq 1 ] && echo 1 || echo 2)
  echo "== patient-view, $c connections"
  wrk -t$t -c$c -d${d}s --latency -s "$root/pcd-bench/load/patient-view.lua" "$url" | grep -E 'Requests/sec|50%|99%|Non-2xx|Socket errors'
  echo "== /health, $c connections"
  wrk -t$t -c$c -d${d}s --latency "http://127.0.0.1:$port/health" | grep -E 'Requests/sec|50%|99%|Non-2xx|Socket errors'
done
echo "== 60 s at 32 connections, RSS (kB) every 5 s"
wrk -t2 -c32 -d60s --latency -s "$root/pcd-bench/load/patient-view.lua" "$url" > "$work/long.txt" &
w=$!
for i in $(seq 1 12); do sleep 5; printf '%s ' "$(ps -o rss= -p $pid)"; done; echo
wait $w
grep -E 'Requests/sec|50%|99%|Non-2xx|Socket errors' "$work/long.txt"
echo "audit store: $(du -sh "$work/data" | cut -f1) in the data directory"
