// The portal passes the office's lines of work on to the office Worker
// (backend/src/split.rs): the answer a client gets is the office's, with its
// rows-read figure, and the portal's own checks come first. The stack runs
// both Workers (scripts/lib/env.sh WORKER_CONFIGS).
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL, assertError, rowsRead } from "../support/http.mjs";
import { clientIp, cookieOf } from "../support/cases.mjs";
import { callerForm, submitTicket } from "../support/hotline.mjs";

test("a caller's message and look-up go through the portal to the office Worker and back whole", async () => {
  const key = crypto.randomUUID();
  const ip = clientIp();
  const first = await submitTicket(callerForm(), { key, ip });
  assert.equal(first.status, 201, JSON.stringify(first.body));
  // The retry under the same key reaches the same office Worker's stored receipt.
  const again = await submitTicket(callerForm(), { key, ip });
  assert.equal(again.status, first.status);
  assert.deepEqual(again.body, first.body);
  const res = await fetch(`${BASE_URL}/api/hotline/track/${first.body.ticket_no}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": clientIp() },
    body: JSON.stringify({ code: first.body.query_code }),
  });
  assert.equal(res.status, 200);
  assert.equal((await res.json()).ticket_no, first.body.ticket_no);
  // The figure is the office Worker's reads, not the portal's (which read none).
  assert.ok(rowsRead(res) > 0, `rows read: ${rowsRead(res)}`);
});

test("the office Worker's no-op answers through the portal", async () => {
  const res = await fetch(`${BASE_URL}/api/health/office`);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { ok: true });
  assert.equal(rowsRead(res), 0);
});

test("an office route's refusal is the API's JSON error, after the portal's cross-site check", async () => {
  const office = await cookieOf("office_admin");
  const crossSite = await fetch(`${BASE_URL}/api/hotline/tickets`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Sec-Fetch-Site": "cross-site", Cookie: office },
    body: JSON.stringify(callerForm()),
  });
  assertError({ status: crossSite.status, headers: crossSite.headers, body: await crossSite.json() }, 403, "forbidden");
  const anonymous = await fetch(`${BASE_URL}/api/supervision/items`);
  assertError({ status: anonymous.status, headers: anonymous.headers, body: await anonymous.json() }, 401, "unauthenticated");
});

test("the office Worker's daily-job entry cannot be reached from outside", async () => {
  for (const method of ["GET", "POST"]) {
    const res = await fetch(`${BASE_URL}/daily-job`, { method });
    const body = await res.text();
    // The portal answers it as one of its own pages (the catalogue's
    // shell) or refuses it: never the office Worker's empty 200.
    assert.ok(body.length > 0, `${method} /daily-job answered empty (${res.status})`);
  }
});
