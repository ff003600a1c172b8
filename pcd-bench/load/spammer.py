"""Spammer load for issue 15: a sustained mixed legitimate load (REST assess, CDS Hooks patient-view
and order-sign with signed JWTs, feedback on the cards just issued) measured alone, then again while
an unauthenticated spammer (a separate process) sends every hostile input of issue 15 in parallel.
Legitimate calls must see zero errors and a p99 within 2x of the unloaded one.

Usage: spammer.py BASE_URL WORK_DIR SECONDS [LEGIT_WORKERS [SLOW_SOCKETS]]
WORK_DIR holds tokens-0.txt (patient-view), tokens-1.txt (order-sign), tokens-2.txt (feedback),
written by Tokens.java, and case.yaml / patient-view.json / order-sign.json (spammer.sh)."""
import http.client, itertools, json, multiprocessing, os, socket, sys, threading, time, urllib.parse

base, work, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
workers = int(sys.argv[4]) if len(sys.argv) > 4 else 4
slow_sockets = int(sys.argv[5]) if len(sys.argv) > 5 else 64
url = urllib.parse.urlparse(base)
host, port = url.hostname, url.port


def read(name):
    with open(os.path.join(work, name), "rb") as f:
        return f.read()


CASE = read("case.yaml")
PATIENT_VIEW = read("patient-view.json")
ORDER_SIGN = read("order-sign.json")


class Tokens:
    """Each signed JWT is used once (the server refuses a replayed jti)."""

    def __init__(self, name):
        self.tokens = iter(read(name).decode().split())
        self.lock = threading.Lock()

    def next(self):
        with self.lock:
            return next(self.tokens)


# ---------------------------------------------------------------- legitimate load

FIRST_ERROR = {}  # the first error body of each kind, to say why

def legit(stop, results, tokens):
    conn = http.client.HTTPConnection(host, port, timeout=30)
    cards = []
    for kind in itertools.cycle(["assess", "patient-view", "order-sign", "feedback"]):
        if stop.is_set():
            return
        if kind == "assess":
            method, path, body, headers = "POST", "/api/assess", CASE, {"Content-Type": "application/yaml"}
        elif kind == "feedback":
            if not cards:
                continue
            path = "/cds-services/pcd-patient-view/feedback"
            body = json.dumps({"feedback": [{"card": cards.pop(), "outcome": "accepted",
                                             "outcomeTimestamp": "2026-12-05T10:00:00Z"}]}).encode()
            method, headers = "POST", {"Content-Type": "application/json",
                                       "Authorization": "Bearer " + tokens[2].next()}
        else:
            i = 0 if kind == "patient-view" else 1
            path = "/cds-services/pcd-" + kind
            body = PATIENT_VIEW if kind == "patient-view" else ORDER_SIGN
            method, headers = "POST", {"Content-Type": "application/json",
                                       "Authorization": "Bearer " + tokens[i].next()}
        start = time.perf_counter()
        try:
            conn.request(method, path, body=body, headers=headers)
            r = conn.getresponse()
            data = r.read()
            status = r.status
        except Exception as e:  # a refused or reset connection is a legitimate error too
            status, data = type(e).__name__, b""
            conn.close()
            conn = http.client.HTTPConnection(host, port, timeout=30)
        results.append((kind, status, (time.perf_counter() - start) * 1000.0))
        if status != 200 and kind not in FIRST_ERROR:
            FIRST_ERROR[kind] = "%s %s" % (status, data[:300].decode("utf-8", "replace"))
        if kind == "patient-view" and status == 200:
            cards = [c["uuid"] for c in json.loads(data).get("cards", []) if "uuid" in c][:1]


# one supply for every phase: a token used in the warm-up must not be sent again (replay)
TOKENS = [Tokens("tokens-%d.txt" % i) for i in range(3)]


def measure(label, seconds):
    tokens = TOKENS
    stop, results = threading.Event(), []
    threads = [threading.Thread(target=legit, args=(stop, results, tokens)) for _ in range(workers)]
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join()
    report(label, results, seconds)
    return results


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * p))] if values else float("nan")


def report(label, results, seconds):
    errors = [r for r in results if r[1] != 200]
    lat = [r[2] for r in results]
    print("== %s: %d legitimate calls in %.0f s (%.0f/s), errors %d, p50 %.1f ms, p99 %.1f ms"
          % (label, len(results), seconds, len(results) / seconds, len(errors), pct(lat, 0.5), pct(lat, 0.99)))
    for kind in ["assess", "patient-view", "order-sign", "feedback"]:
        k = [r[2] for r in results if r[0] == kind]
        print("   %-13s %6d calls  p50 %7.1f ms  p99 %7.1f ms" % (kind, len(k), pct(k, 0.5), pct(k, 0.99)))
    statuses = {}
    for r in errors:
        statuses[(r[0], r[1])] = statuses.get((r[0], r[1]), 0) + 1
    for (kind, status), n in sorted(statuses.items(), key=str):
        print("   error: %s -> %s x%d" % (kind, status, n))
    for kind, text in sorted(FIRST_ERROR.items()):
        print("   first %s error: %s" % (kind, text))
    FIRST_ERROR.clear()


# ---------------------------------------------------------------- the spammer (no credentials)

# The spammer is another machine: on loopback, its own source address (127.0.0.2 when the server is
# on 127.0.0.1), so the server's per-client connection limit applies to it and not to the
# legitimate clients, as it would for an attacker elsewhere on the network.
SPAMMER = ("127.0.0.2", 0) if host in ("127.0.0.1", "localhost") else None

BAD_TOKENS = [
    "garbage",
    # alg none, no signature
    "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJpc3MiOiJodHRwczovL2Voci5leGFtcGxlLm9yZyIsInN1YiI6IngifQ.",
    "eyJhbGciOiJFUzM4NCIsImtpZCI6ImxvYWQifQ." + "A" * 4000 + ".AAAA",
]


def hostile_requests():
    case = CASE.decode()
    unit = case.replace("unit: pg/mL", "unit: '10^99999999.g/dL'", 1).encode()
    overflow = case.replace("value: 101, unit: g/L", "value: 1e308, unit: kg/dL", 1).encode()
    pv = PATIENT_VIEW.decode()
    yaml = {"Content-Type": "application/yaml"}
    js = {"Content-Type": "application/json"}
    yield "ucum-exponent", "POST", "/api/assess", unit, yaml
    yield "value-1e308", "POST", "/api/assess", overflow, yaml
    yield "as-of-+12345", "POST", "/api/assess?as-of=%2B12345-01-01", CASE, yaml
    yield "concatenated-json-rest", "POST", "/api/assess", (pv + pv).encode(), js
    yield "concatenated-json-cds", "POST", "/cds-services/pcd-patient-view", (pv + pv).encode(), js
    for t in BAD_TOKENS:
        yield "bad-token", "POST", "/cds-services/pcd-patient-view", PATIENT_VIEW, dict(js, Authorization="Bearer " + t)
    yield "bad-token-feedback", "POST", "/cds-services/pcd-patient-view/feedback", b'{"feedback":[]}', dict(js, Authorization="Bearer garbage")
    yield "oversize-header", "GET", "/health", None, {"X-Spam": "x" * 65536}
    yield "oversize-uri", "GET", "/api/knowledge/" + "a" * 20000, None, {}


def spam_loop(stop, counts):
    while not stop.is_set():
        for name, method, path, body, headers in hostile_requests():
            try:
                c = http.client.HTTPConnection(host, port, timeout=10, source_address=SPAMMER)
                c.request(method, path, body=body, headers=headers)
                r = c.getresponse()
                r.read()
                key = (name, r.status)
                c.close()
            except Exception as e:
                key = (name, type(e).__name__)
            counts[key] = counts.get(key, 0) + 1


def slow_bodies(stop, counts):
    """Holds slow_sockets connections, each sending a body one byte every 5 s."""
    socks = []
    while not stop.is_set():
        while len(socks) < slow_sockets:
            try:
                s = socket.create_connection((host, port), timeout=5, source_address=SPAMMER)
                s.sendall(b"POST /api/assess HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\n"
                          b"Content-Length: 100000\r\n\r\n")
                socks.append(s)
                counts[("slow-body", "opened")] = counts.get(("slow-body", "opened"), 0) + 1
            except OSError as e:
                counts[("slow-body", type(e).__name__)] = counts.get(("slow-body", type(e).__name__), 0) + 1
                break
        for s in list(socks):
            try:
                s.sendall(b"a")
            except OSError:
                counts[("slow-body", "closed by server")] = counts.get(("slow-body", "closed by server"), 0) + 1
                socks.remove(s)
                s.close()
        stop.wait(5)
    for s in socks:
        s.close()


def spammer(seconds, queue):
    stop, counts = threading.Event(), {}
    threads = [threading.Thread(target=spam_loop, args=(stop, counts)) for _ in range(3)]
    threads.append(threading.Thread(target=slow_bodies, args=(stop, counts)))
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join()
    queue.put(counts)


if __name__ == "__main__":
    measure("warm-up (not counted)", min(seconds, 20))
    alone = measure("legitimate load alone", seconds)
    q = multiprocessing.Queue()
    p = multiprocessing.Process(target=spammer, args=(seconds + 10, q))
    p.start()
    time.sleep(5)  # the slow connections are open before measuring
    loaded = measure("legitimate load with the spammer", seconds)
    counts = q.get()
    p.join()
    print("== spammer requests by input and answer")
    for (name, status), n in sorted(counts.items(), key=str):
        print("   %-24s %-18s x%d" % (name, status, n))
    a = pct([r[2] for r in alone], 0.99)
    b = pct([r[2] for r in loaded], 0.99)
    errors = sum(1 for r in loaded if r[1] != 200)
    print("== verdict: legitimate errors under spam %d (must be 0); p99 %.1f ms vs %.1f ms alone (x%.2f, must be <= 2)"
          % (errors, b, a, b / a))
