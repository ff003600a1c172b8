#!/bin/sh
# Spammer load run for issue 15: a sustained mixed legitimate load (REST assess, CDS patient-view
# and order-sign with signed ES384 JWTs, feedback on the cards just issued) measured alone and then
# while an unauthenticated spammer sends each hostile input of issue 15 in parallel (a UCUM unit
# with a huge exponent, a value of 1e308, as-of +12345, slow bodies, oversize headers and URIs,
# concatenated JSON, bad tokens). Reports legitimate errors (must be 0) and p99 with and without
# the spammer (within 2x). Needs python3 and a built pcd.jar; no wrk (the slow bodies and the
# per-kind mix need a scriptable client).
# Usage: pcd-bench/load/spammer.sh [seconds [legitimate-workers [slow-sockets]]]   (from the repository root)
set -eu
d=${1:-30}
workers=${2:-4}
slow=${3:-64}
root=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
jar="$root/pcd-cli/target/pcd.jar"
work=$(mktemp -d)
port=${PCD_LOAD_PORT:-18083}
base="http://127.0.0.1:$port"
# legitimate bodies: the POEMS example as a case file and as CDS Hooks requests (its FHIR Bundle's
# resources prefetched; the order-sign request's draft order is its MedicationRequest)
cp "$root/examples/poems-disseminated.yaml" "$work/case.yaml"
python3 - "$root/examples/poems-disseminated.fhir.json" "$work" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
res = [e["resource"] for e in b["entry"]]
pat = [r for r in res if r["resourceType"] == "Patient"][0]
def bundle(t):
    return {"resourceType": "Bundle", "type": "searchset",
            "entry": [{"resource": r} for r in res if r["resourceType"] == t]}
prefetch = {"patient": pat, "conditions": bundle("Condition"), "observations": bundle("Observation"),
            "medicationRequests": {"resourceType": "Bundle", "type": "searchset", "entry": []},
            "procedures": bundle("Procedure")}
ctx = {"userId": "Practitioner/1", "patientId": pat["id"]}
json.dump({"hook": "patient-view", "hookInstance": "9b1f0c52-7a3e-4a59-9d0e-3f3c7c1d2a11",
           "context": ctx, "prefetch": prefetch}, open(sys.argv[2] + "/patient-view.json", "w"))
drafts = {"resourceType": "Bundle", "type": "collection",
          "entry": [{"resource": r} for r in res if r["resourceType"] == "MedicationRequest"]}
json.dump({"hook": "order-sign", "hookInstance": "5d0b6f8e-2c4a-4f3b-8a7e-1e2d3c4b5a69",
           "context": dict(ctx, draftOrders=drafts), "prefetch": prefetch},
          open(sys.argv[2] + "/order-sign.json", "w"))
PY
# one client key; tokens per endpoint (the audience is the endpoint's URL), each used once
# (they live 30 minutes and 5 s: allow up to an hour, the most --max-token-lifetime takes)
java -cp "$jar" "$root/pcd-bench/load/Tokens.java" "$work" 20000 ES384 https://ehr.example.org \
  "$base/cds-services/pcd-patient-view" "$base/cds-services/pcd-order-sign" \
  "$base/cds-services/pcd-patient-view/feedback"
"$root/pcd" serve --port $port --data-dir "$work/data" --max-token-lifetime 3600 \
  --trust-issuer "https://ehr.example.org=$work/jwks.json" > "$work/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT
for i in $(seq 1 150); do curl -fs "$base/health" >/dev/null 2>&1 && break; sleep 0.2; done
python3 "$root/pcd-bench/load/spammer.py" "$base" "$work" "$d" "$workers" "$slow"
echo "== server log: $(grep -c . "$work/server.log") lines, $(grep -ci 'exception' "$work/server.log") mentioning an exception"
echo "== server RSS $(ps -o rss= -p $pid) kB"
