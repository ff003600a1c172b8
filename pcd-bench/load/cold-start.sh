#!/bin/sh
# Cold start of the CDS Hooks server: milliseconds from launching the command to the first answered
# (200) patient-view call, for N launches, and their median; then the server's RSS right after.
# Usage: pcd-bench/load/cold-start.sh N PORT COMMAND...   (from the repository root; needs curl)
# e.g. pcd-bench/load/cold-start.sh 5 18090 ./pcd serve --port 18090 \
#        --insecure-no-auth --data-dir target/cold-start-data
# Each launch gets an empty data directory when the command names --data-dir DIR (it is emptied).
set -eu
n=$1; port=$2; shift 2
root=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
body=$(mktemp)
printf '{"hook":"patient-view","hookInstance":"cold","context":{"userId":"Practitioner/1","patientId":"p"},"prefetch":{"everything":%s}}' \
  "$(cat "$root/examples/poems-disseminated.fhir.json")" > "$body"
data=""; prev=""
for a in "$@"; do [ "$prev" = "--data-dir" ] && data=$a; prev=$a; done
url="http://127.0.0.1:$port/cds-services/pcd-patient-view"
all=""; cpus=""
for i in $(seq 1 "$n"); do
  [ -n "$data" ] && rm -rf "$data"
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1 &
  pid=$!
  while ! curl -fs -o /dev/null -X POST -H 'Content-Type: application/json' --data-binary @"$body" "$url"; do
    sleep 0.01
  done
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  rss=$(ps -o rss= -p $pid | tr -d ' ')
  # CPU time the JVM used until then (user + system, in clock ticks): less sensitive to other load
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' /proc/$pid/stat)
  kill $pid; wait $pid 2>/dev/null || true
  echo "launch $i: ${ms} ms to the first answer, ${cpu} ms CPU, RSS ${rss} kB"
  all="$all $ms"
  cpus="$cpus $cpu"
done
med() { echo "$@" | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median: $(med $all) ms of$all; CPU $(med $cpus) ms of$cpus"
rm -f "$body"
