"""Builds CDS Hooks patient-view requests (one JSON per line) from a bulk export: each patient's
Patient, Conditions, Observations, MedicationRequests and Procedures as the service's prefetch
keys. Takes every patient with a planted disorder and as many background patients."""
import json, os, sys, uuid, collections

export = sys.argv[1]
by_patient = collections.defaultdict(lambda: collections.defaultdict(list))
keys = {"Condition": "conditions", "Observation": "observations",
        "MedicationRequest": "medicationRequests", "Procedure": "procedures"}
for name in sorted(os.listdir(export)):
    kind = name.split(".")[0]
    if not name.endswith(".ndjson") or (kind != "Patient" and kind not in keys):
        continue
    for line in open(os.path.join(export, name)):
        r = json.loads(line)
        pid = r["id"] if kind == "Patient" else r["subject"]["reference"].split("/")[-1]
        by_patient[pid][kind].append(r)
truth = {}
for line in open(os.path.join(export, "expected.jsonl")):
    e = json.loads(line)
    truth[e["patient"]] = e["category"]
planted = [p for p in sorted(by_patient) if truth.get(p, "background") != "background"]
background = [p for p in sorted(by_patient) if truth.get(p) == "background"][: len(planted)]
for pid in planted + background:
    res = by_patient[pid]
    prefetch = {"patient": res["Patient"][0]}
    for kind, key in keys.items():
        prefetch[key] = {"resourceType": "Bundle", "type": "searchset",
                         "entry": [{"resource": r} for r in res[kind]]}
    print(json.dumps({"hook": "patient-view", "hookInstance": str(uuid.uuid5(uuid.NAMESPACE_URL, pid)),
                      "context": {"userId": "Practitioner/1", "patientId": pid},
                      "prefetch": prefetch}, separators=(",", ":")))
