#!/bin/sh
# Authenticated load run: patient-view at 32 connections with a fresh signed JWT per call (ES384
# or RS384), against `pcd serve --trust-issuer`. Needs wrk and a built pcd.jar.
# Usage: pcd-bench/load/auth.sh ES384|RS384 [duration-seconds [warm-up-seconds]]
set -eu
alg=$1
d=${2:-10}
warm=${3:-60}
root=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
jar="$root/pcd-cli/target/pcd.jar"
work=$(mktemp -d)
port=18082
url="http://127.0.0.1:$port/cds-services/pcd-patient-view"
java -jar "$jar" synth --patients 2000 --seed 3 --out "$work/pop" >/dev/null
python3 "$root/pcd-bench/load/requests.py" "$work/pop" > "$work/requests.txt"
# enough tokens for the warm-up and the run at up to 4,000 calls/s, each used once
n=$(( (d + warm) * 4000 ))
java -cp "$jar" "$root/pcd-bench/load/Tokens.java" "$work" $n "$alg" https://ehr.example.org "$url"
# the tokens are minted up front and live 30 minutes: allow that (the default is 5, issue 15)
"$root/pcd" serve --port $port --data-dir "$work/data" --max-token-lifetime 1800 \
  --trust-issuer "https://ehr.example.org=$work/jwks.json" > "$work/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT
for i in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.2; done
export PCD_LOAD_REQUESTS="$work/requests.txt" PCD_LOAD_TOKENS="$work/tokens-0.txt"
# warm-up and measurement in one wrk run would reuse no token; two runs would, so the
# measurement starts where the warm-up's tokens end: split the file
head -n $(( warm * 4000 )) "$work/tokens-0.txt" > "$work/warm.txt"
tail -n +$(( warm * 4000 + 1 )) "$work/tokens-0.txt" > "$work/run.txt"
PCD_LOAD_TOKENS="$work/warm.txt" wrk -t1 -c32 -d${warm}s -s "$root/pcd-bench/load/patient-view-auth.lua" "$url" >/dev/null
echo "== patient-view with $alg JWTs, 32 connections"
PCD_LOAD_TOKENS="$work/run.txt" wrk -t1 -c32 -d${d}s --latency -s "$root/pcd-bench/load/patient-view-auth.lua" "$url" | grep -E 'Requests/sec|requests in|50%|99%|Non-2xx|Socket errors'
