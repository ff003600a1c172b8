#!/bin/sh
# Server CPU per answered CDS Hooks call: requests/s and the server process's CPU time (user + system,
# from /proc) divided by the requests answered, over a wrk run at a fixed connection count, after a
# warm-up. On a 2-core machine shared with wrk, throughput is bounded by this figure: it says how
# much work a call costs, where requests/s also depends on how wrk and the server share the cores.
# Usage (from the repository root, a server already running, wrk installed):
#   pcd-bench/load/cpu-per-call.sh PID URL BODY [conns] [seconds] [warm-up seconds]
# e.g. pcd-bench/load/cpu-per-call.sh "$pid" http://127.0.0.1:18090/cds-services/pcd-patient-view \
#        pcd-bench/load/peer-request.json 8 15 20
# Prints: conns, requests/s, requests, server CPU s, server CPU us per request.
set -eu
pid=$1; url=$2; body=$3; conns=${4:-8}; secs=${5:-15}; warm=${6:-20}

lua=$(mktemp --suffix=.lua); out=$(mktemp)
trap 'rm -f "$lua" "$out"' EXIT
cat > "$lua" <<'LUA'
local f = assert(io.open(os.getenv("CPU_BODY"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
LUA
CPU_BODY=$(cd "$(dirname -- "$body")" && pwd)/$(basename -- "$body"); export CPU_BODY
threads=2; [ "$conns" -lt 2 ] && threads=1
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
wrk -t"$threads" -c"$conns" -d"${warm}s" -s "$lua" "$url" > /dev/null
a=$(ticks)
wrk -t"$threads" -c"$conns" -d"${secs}s" -s "$lua" "$url" > "$out"
b=$(ticks)
n=$(awk '/requests in/ {print $1}' "$out")
rps=$(awk '/Requests\/sec/ {print $2}' "$out")
non2xx=$(awk '/Non-2xx/ {print $5}' "$out"); non2xx=${non2xx:-0}
hz=$(getconf CLK_TCK)
awk -v c="$conns" -v rps="$rps" -v n="$n" -v t=$((b - a)) -v hz="$hz" -v bad="$non2xx" 'BEGIN {
  printf "conns %s  requests/s %s  requests %s  non-2xx %s  server CPU %.2f s  %.0f us/request\n",
    c, rps, n, bad, t / hz, t / hz * 1e6 / n }'

