"""Schemathesis hooks for tests/fuzz/run.py, loaded through SCHEMATHESIS_HOOKS.

- `json_error_shape`, a check: every 4xx and 5xx answer is the API's one error
  shape, `{"error":{"code":"…","message":"…"}}` (shared/src/error.rs), in JSON.
- Every request comes from an address of its own (`CF-Connecting-IP`, which the
  local stack takes for the client's address), so the per-address limits (10
  writes a minute) do not turn the run into a wall of 429s.
- Path parameters: random strings only ever meet "not found", so most are
  swapped for records that exist (`FUZZ_PATH_VALUES`, JSON: parameter name →
  values, gathered by run.py), chosen from the generated value so that a
  shrunk or replayed case keeps its record.
- JSON bodies: the document says "string" or "integer" where the API wants a
  year, a phone number or a record's id, so most random bodies stop at the
  first check. Some fields (`NUDGES`) get values of the kind the API takes, for
  2 generated values in 3, so that more requests reach the database.
- `FUZZ_TALLY`: a file that gets the count of responses per status at exit.
"""

import atexit
import datetime
import json
import os
import random
import threading
import zlib

import schemathesis

KNOWN = json.loads(os.environ.get("FUZZ_PATH_VALUES") or "{}")
CODES = KNOWN.pop("query_codes", {})  # case number → its query code
TALLY = {}
LOCK = threading.Lock()


def pick(name, value):
    """A known record for 3 generated values in 4; the generated one otherwise."""
    known = KNOWN.get(name)
    h = zlib.crc32(repr(value).encode())
    if not known or h % 4 == 0:
        return value
    return known[(h >> 2) % len(known)]


IDS = [int(i) for i in KNOWN.get("id", [])] + [0, 999999]
TODAY = datetime.date.today()
DAYS = [str(TODAY + datetime.timedelta(days=d)) for d in (-40, -1, 0, 3, 45)]
NUDGES = {
    "year": [TODAY.year - 1, TODAY.year, TODAY.year + 1], "month": [1, 6, 12], "from_month": [1, 3], "to_month": [6, 12],
    "version": [0, 1, 2], "quota": [0, 10], "duration_minutes": [30, 90], "date": DAYS, "approval_date": DAYS,
    "mobile": ["13800138000"], "phone": ["0000-6012301", "13800138000"], "caller_phone": ["13911112222"],
    "id_number": ["91350100M000100Y43", "110101199003074477"], "code": ["water", "fuzz_1"],
    "lead_unit_id": [4, 12], "due": DAYS, "published_on": DAYS, "redo_by": DAYS,
}


def nudged(key, value, depth=0):
    """`value` (of field `key`), sometimes swapped for one the API would take."""
    h = zlib.crc32(f"{key}={value!r}".encode())
    if isinstance(value, dict) and depth < 3:
        return {k: nudged(k, v, depth + 1) for k, v in value.items()}
    if h % 3 == 0:
        return value
    if key in NUDGES:
        return NUDGES[key][(h >> 2) % len(NUDGES[key])]
    if key.endswith("_id") and (value is None or isinstance(value, int)):
        return IDS[(h >> 2) % len(IDS)]
    if (key.endswith("_ids") or key in ("members", "co_departments")) and isinstance(value, list):
        return [IDS[(h >> (2 + i)) % len(IDS)] for i in range(len(value))]
    return value


@schemathesis.hook
def before_call(context, case, kwargs):
    address = f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(1, 255)}"
    case.headers = {**(case.headers or {}), "CF-Connecting-IP": address}
    if isinstance(case.body, dict):
        case.body = nudged("", case.body)
    if case.path_parameters:
        case.path_parameters = {k: pick(k, v) for k, v in case.path_parameters.items()}
        # Half the look-ups of a known case bring its query code (in the body, as the API takes it).
        code = CODES.get(str(case.path_parameters.get("case_no")))
        if code and isinstance(case.body, dict) and "code" in case.body and zlib.crc32(repr(case.body).encode()) % 2:
            case.body = {**case.body, "code": code}


@schemathesis.hook
def after_call(context, case, response):
    with LOCK:
        TALLY[response.status_code] = TALLY.get(response.status_code, 0) + 1


@atexit.register
def _write_tally():
    path = os.environ.get("FUZZ_TALLY")
    if path:
        with open(path, "w", encoding="utf-8") as f:
            json.dump(TALLY, f)


@schemathesis.check
def json_error_shape(ctx, response, case):
    """A 4xx or 5xx answers `{"error":{"code","message"}}` in JSON."""
    if response.status_code < 400:
        return None
    kind = (response.headers.get("content-type") or [""])[0]  # lower-case names, lists of values
    if not kind.startswith("application/json"):
        raise AssertionError(f"error {response.status_code} is not JSON (Content-Type: {kind!r})")
    try:
        body = json.loads(response.content)
    except ValueError as exc:
        raise AssertionError(f"error {response.status_code} has a body that is not JSON: {exc}") from None
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        raise AssertionError(f'error {response.status_code} lacks the "error" object: {str(body)[:200]}')
    for key in ("code", "message"):
        if not isinstance(error.get(key), str) or not error[key]:
            raise AssertionError(f'error {response.status_code} lacks "error.{key}": {str(body)[:200]}')
    return None
