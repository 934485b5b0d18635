"""Fuzzes every operation of the API's own OpenAPI document with Schemathesis.

Against the local stack (BASE_URL), from /api/openapi.json, with a bounded
number of examples per operation: the public operations anonymous, then every
operation as a department's window staff (zj_window) and as the office admin
(office_admin), each with a signed-in session cookie. Two checks on every
response:

- `not_a_server_error`: no 5xx, ever;
- `json_error_shape` (hooks.py): every 4xx/5xx is `{"error":{"code","message"}}`.

Success answers may be CSV, SVG or files: only errors are held to JSON.

    pip install --target target/fuzz-py -r tests/fuzz/requirements.txt
    PYTHONPATH=target/fuzz-py BASE_URL=http://127.0.0.1:8799 python3 tests/fuzz/run.py

FUZZ_EXAMPLES (examples per operation), FUZZ_SEED (a number, or `random`) and
FUZZ_OUTPUT (reports and logs) may be set. Prints the figures of each run and
exits non-zero on any failure. The fuzzer writes random records: run it on a
stack whose data nothing else relies on afterwards.
"""

import hashlib
import hmac
import json
import os
import random
import struct
import subprocess
import sys
import tempfile
import time
import uuid

import requests

BASE_URL = os.environ["BASE_URL"].rstrip("/")
EXAMPLES = os.environ.get("FUZZ_EXAMPLES", "40")
SEED = os.environ.get("FUZZ_SEED", "20261126")
WORKERS = os.environ.get("FUZZ_WORKERS", "2")
OUT = os.environ.get("FUZZ_OUTPUT") or tempfile.mkdtemp(prefix="fuzz-")
HERE = os.path.dirname(os.path.abspath(__file__))
PASSWORD = "Demo@2026"  # the demo accounts' password: local demo data only
JPEG = bytes([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46])

# Operations that end the session the run is signed in with: the staff runs
# leave them out, and a last run of their own, with a fresh session, takes
# them (the anonymous run has them too).
SESSION_ENDERS = ["/api/staff/logout", "/api/staff/sessions/end-others"]
# Nothing else is excluded. POST /api/staff/password stays: it needs the
# current password, which no generated value is, so it only ever refuses.


def address():
    return f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(1, 255)}"


def call(method, path, cookie=None, **kwargs):
    headers = {"CF-Connecting-IP": address(), **kwargs.pop("headers", {})}
    if cookie:
        headers["Cookie"] = cookie
    res = requests.request(method, BASE_URL + path, headers=headers, timeout=30, **kwargs)
    if res.status_code >= 300:
        raise SystemExit(f"fuzz set-up: {method} {path} answered {res.status_code}: {res.text[:300]}")
    return res


# The demo office administrators' second factor (xtask's DEMO_TOTP_SECRET;
# RFC 6238, as tests/support/totp.mjs): each code signs in once, so every
# sign-in here takes the next time step not yet used.
TOTP_SECRET = b"demo-totp-office-adm"
HAS_SECOND_FACTOR = {"office_admin"}
last_step = 0


def totp_code():
    global last_step
    step = max(last_step + 1, int(time.time()) // 30)
    while step > int(time.time()) // 30 + 1:
        time.sleep(1)
    last_step = step
    mac = hmac.new(TOTP_SECRET, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    return f"{(struct.unpack('>I', mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def login(username):
    body = {"username": username, "password": PASSWORD}
    if username in HAS_SECOND_FACTOR:
        body["code"] = totp_code()
    res = call("POST", "/api/staff/login", json=body)
    sid = res.cookies.get("__Host-sid")
    if not sid:
        raise SystemExit(f"fuzz set-up: no session cookie for {username}")
    return f"__Host-sid={sid}", res.json()["id"]


def submit(matter_id):
    """An application to the matter, with its required fields and files."""
    matter = call("GET", f"/api/matters/{matter_id}").json()
    form = {
        "matter_id": matter_id, "applicant_kind": "organisation", "name": "示范县模糊测试有限公司",
        "id_number": "91350100M000100Y43", "mobile": "13800138000", "address": "示范县城关镇人民路1号",
        "fields": {f["key"]: "示范" for f in matter.get("form_fields") or []}, "consent": True,
    }
    files = [("form", (None, json.dumps(form, ensure_ascii=False)))]
    files += [(f"material:{m['id']}", ("photo.jpg", JPEG, "image/jpeg")) for m in matter["materials"] if m["required"]]
    return call("POST", "/api/applications", files=files, headers={"Idempotency-Key": str(uuid.uuid4())}).json()


def known_values(admin, window):
    """Records that exist, for the path parameters (hooks.py): a few cases of
    县住房和城乡建设局 (one accepted as a commitment), tickets, supervision
    items and tasks, complaints, and ids."""
    receipts = [submit(17), submit(17), submit(3)]
    first = receipts[0]["case_no"]
    version = call("GET", f"/api/staff/cases/{first}", window).json()["version"]
    call("POST", f"/api/staff/cases/{first}/disposition", window, json={"version": version, "class": "commitment"})
    tickets = call("GET", "/api/hotline/tickets?limit=30", admin).json()["items"]
    tickets += call("GET", "/api/hotline/tickets?limit=10", window).json()["items"]
    items = call("GET", "/api/supervision/items?limit=20", admin).json()["items"]
    tasks = call("GET", "/api/supervision/tasks?limit=20", admin).json()["tasks"]
    complaints = call("GET", "/api/complaints?view=all&limit=20", admin).json()["items"]
    complaints += call("GET", "/api/complaints?view=all&limit=10", window).json()["items"]
    ids = set(range(1, 16))
    for path, key in [("/api/admin/units", "units"), ("/api/office/documents", "documents"),
                      ("/api/hotline/knowledge", "items"), ("/api/hotline/categories", "items")]:
        ids.update(item["id"] for item in call("GET", path, admin).json()[key][:5])
    return {
        "case_no": [r["case_no"] for r in receipts],
        "query_codes": {r["case_no"]: r["query_code"] for r in receipts},
        "ticket_no": sorted({t["ticket_no"] for t in tickets}),
        "item_no": sorted({i["item_no"] for i in items}),
        "task_no": sorted({t["task_no"] for t in tasks}),
        "complaint_no": sorted({c["complaint_no"] for c in complaints}),
        "id": sorted(str(i) for i in ids),
    }


def public_operations():
    """The operation ids that take no session: the anonymous run's share (the
    rest only answer 401 without one)."""
    document = call("GET", "/api/openapi.json").json()
    return [op["operationId"] for item in document["paths"].values() for op in item.values()
            if isinstance(op, dict) and "operationId" in op and not op.get("security")]


def schemathesis(name, cookie, known, own_id=None, only=None, exclude=()):
    """One run of the Schemathesis CLI; returns its figures."""
    report, tally = os.path.join(OUT, f"{name}.json"), os.path.join(OUT, f"{name}-tally.json")
    if own_id is not None:  # never the signed-in account itself: a reset would end the run's session
        known = {**known, "id": [i for i in known["id"] if i != str(own_id)]}
    args = [sys.executable, "-m", "schemathesis.cli", "run", f"{BASE_URL}/api/openapi.json",
            "--checks", "not_a_server_error,json_error_shape", "--max-examples", EXAMPLES,
            "--generation-database", "none", "--generation-with-security-parameters", "false",
            "--request-timeout", "30", "--warnings", "off", "--no-color", "--workers", WORKERS,
            "--report", "json", "--report-json-path", report]
    if SEED != "random":
        args += ["--seed", SEED]
    if cookie:
        args += ["-H", f"Cookie: {cookie}"]
    for path in only or []:
        args += ["--include-path" if path.startswith("/") else "--include-operation-id", path]
    for path in exclude:
        args += ["--exclude-path", path]
    env = {**os.environ, "SCHEMATHESIS_HOOKS": os.path.join(HERE, "hooks.py"),
           "FUZZ_PATH_VALUES": json.dumps(known), "FUZZ_TALLY": tally}
    started = time.monotonic()
    with open(os.path.join(OUT, f"{name}.log"), "w", encoding="utf-8") as log:
        code = subprocess.run(args, env=env, cwd=OUT, stdout=log, stderr=subprocess.STDOUT, check=False).returncode
    seconds = time.monotonic() - started
    try:
        with open(report, encoding="utf-8") as f:
            data = json.load(f)
        with open(tally, encoding="utf-8") as f:
            statuses = {int(k): v for k, v in json.load(f).items()}
    except (OSError, ValueError):
        data, statuses = {}, {}
    cases = data.get("test_cases", {})
    return {
        "name": name, "exit": code, "seconds": seconds,
        "operations": data.get("operations", {}).get("tested", 0),
        "requests": sum(statuses.values()), "statuses": statuses,
        "failures": cases.get("unique_failures", 0), "errors": cases.get("errored", 0) + len(data.get("errors", [])),
        "seed": data.get("seed"),
    }


def main():
    os.makedirs(OUT, exist_ok=True)
    started = time.monotonic()
    window, window_id = login("zj_window")
    admin, admin_id = login("office_admin")
    known = known_values(admin, window)
    runs = [schemathesis("anonymous", None, known, only=public_operations())]
    runs.append(schemathesis("zj_window", window, known, own_id=window_id, exclude=SESSION_ENDERS))
    # The office admin last among the full runs: its random account changes
    # may reset the department's password.
    runs.append(schemathesis("office_admin", admin, known, own_id=admin_id, exclude=SESSION_ENDERS))
    last, _ = login("office_admin")
    runs.append(schemathesis("session_enders", last, known, only=SESSION_ENDERS))

    for r in runs:
        by_class = {}
        for status, n in r["statuses"].items():
            by_class[f"{status // 100}xx"] = by_class.get(f"{status // 100}xx", 0) + n
        shown = ", ".join(f"{k} {v}" for k, v in sorted(by_class.items()))
        print(f"  {r['name']:<15} {r['operations']:>3} operations {r['requests']:>6} requests ({shown}) "
              f"{r['failures']} failures {r['errors']} errors  {r['seconds']:.0f} s  seed {r['seed']}")
    operations = max(r["operations"] for r in runs[1:3]) + runs[3]["operations"]
    requests_ = sum(r["requests"] for r in runs)
    failures = sum(r["failures"] + r["errors"] for r in runs)
    bad = [r for r in runs if r["exit"] != 0 or r["failures"] or r["errors"] or not r["operations"]]
    print(f"fuzz: {operations} operations, {requests_} requests, {failures} failures "
          f"(examples per operation {EXAMPLES}, {time.monotonic() - started:.0f} s; reports in {OUT})")
    for r in bad:
        print(f"\n== {r['name']}: Schemathesis exited {r['exit']}; its output ({OUT}/{r['name']}.log):")
        with open(os.path.join(OUT, f"{r['name']}.log"), encoding="utf-8") as f:
            print(f.read()[-20000:])
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
