// Black-box HTTP helpers for the API tests: the server is the real Worker
// under `wrangler dev`, started by scripts/test.sh (BASE_URL).
import assert from "node:assert/strict";

export const BASE_URL = process.env.BASE_URL ?? assert.fail("BASE_URL is not set: run the tests with scripts/test.sh");

export async function get(path) {
  const res = await fetch(BASE_URL + path);
  const text = await res.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, headers: res.headers, body };
}

/** A JSON POST as a phone sends it (from `ip`, under the Idempotency-Key
 * `key` if given): its status, headers and JSON body. */
export async function postPublic(path, body, { ip, key } = {}) {
  const headers = { "Content-Type": "application/json", "CF-Connecting-IP": ip };
  if (key !== undefined) headers["Idempotency-Key"] = key;
  const res = await fetch(BASE_URL + path, { method: "POST", headers, body: JSON.stringify(body) });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

/** Asserts the one error shape of the API and returns its code. */
export function assertError(res, status, code) {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.match(res.headers.get("content-type") ?? "", /application\/json/);
  assert.deepEqual(Object.keys(res.body), ["error"]);
  assert.equal(res.body.error.code, code);
  assert.equal(typeof res.body.error.message, "string");
  assert.ok(/\p{Script=Han}/u.test(res.body.error.message), "the message is in Chinese");
}

/** D1 rows read by the request, as the Worker reports it. */
export function rowsRead(res) {
  const v = res.headers.get("x-d1-rows-read");
  assert.ok(v !== null, "X-D1-Rows-Read header present");
  return Number(v);
}

/**
 * Calls `attempt(i)` until it answers 429, every earlier answer being
 * `otherwise`; returns how many were let through. The platform's limiter
 * counts in fixed one-minute windows, so the tries may straddle one
 * boundary: then the first window lets through fewer than `limit` and the
 * second `limit` more. Either way at least `limit` and at most twice it
 * pass before the 429, which a missing limit never gives.
 */
export async function passedUntilLimited(limit, attempt, otherwise = 404) {
  for (let i = 0; i <= 2 * limit; i++) {
    const status = await attempt(i);
    if (status === 429) return i;
    assert.equal(status, otherwise, `try ${i + 1}`);
  }
  assert.fail(`no 429 after ${2 * limit + 1} tries`);
}
