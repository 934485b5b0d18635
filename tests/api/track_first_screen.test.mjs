// `POST /track` (issue 14): a case's first screen for the start script of
// `/track#no=…&code=…`, with the look-up's answer beside it as the app
// reads it. It is the look-up itself (same answer, same refusals, same
// throttle) in another shape, and nothing keeps it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL, assertError, passedUntilLimited } from "../support/http.mjs";
import { clientIp, submitFood, track } from "../support/cases.mjs";

async function firstScreen(no, code, { ip = clientIp(), headers = {} } = {}) {
  const res = await fetch(`${BASE_URL}/track`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": ip, ...headers },
    body: JSON.stringify({ no, code }),
  });
  const text = await res.text();
  const block = text.match(/<script type="application\/json" id="track-answer">(.*?)<\/script>/s);
  return { status: res.status, headers: res.headers, text, answer: block && JSON.parse(block[1]) };
}

test("a case's first screen shows its progress, and carries the look-up's answer, kept nowhere", async () => {
  const { matter, receipt } = await submitFood();
  const res = await firstScreen(receipt.case_no, receipt.query_code);
  assert.equal(res.status, 200, res.text);
  assert.match(res.headers.get("content-type"), /^text\/html/);
  assert.equal(res.headers.get("cache-control"), "no-store");
  assert.ok(res.text.startsWith('<div id="first-screen">'), res.text.slice(0, 80));
  assert.match(res.text, /data-testid="progress"/);
  assert.ok(res.text.includes(`<dd>${matter.name}</dd>`), "the matter's name");
  assert.ok(res.text.includes(`id="no" value="${receipt.case_no}"`), "the form is filled in");
  assert.deepEqual(res.answer.asked, { no: receipt.case_no, code: receipt.query_code });
  assert.deepEqual(res.answer.answer, { Ok: (await track(receipt.case_no, receipt.query_code)).body });
});

test("a wrong code is refused as the look-up refuses it, and the refusal is shown", async () => {
  const { receipt } = await submitFood();
  const res = await firstScreen(receipt.case_no, "00000000");
  const api = await track(receipt.case_no, "00000000");
  assert.equal(res.status, api.status);
  assert.deepEqual(res.answer, { asked: { no: receipt.case_no, code: "00000000" }, answer: { Err: api.body.error } });
  assert.ok(res.text.includes(`<p class="error" role="alert">${api.body.error.message}</p>`), res.text);
  assert.doesNotMatch(res.text, /data-testid="progress"/);
});

test("it counts against the look-up throttle of the address", async () => {
  const ip = clientIp();
  let last;
  const passed = await passedUntilLimited(30, async (i) => (last = await firstScreen(`SP209901020${String(i).padStart(5, "0")}`, "12345678", { ip })).status);
  assert.ok(passed >= 30 && passed <= 60, `${passed} let through`);
  assert.equal(last.answer.answer.Err.code, "too_many_requests");
  assert.equal((await track("SP20990102000000", "12345678", ip)).status, 429, "the API's look-up shares the limit");
});

test("a request from another site, or one that is not the page's, gets the API's JSON error", async () => {
  const { receipt } = await submitFood();
  const cross = await firstScreen(receipt.case_no, receipt.query_code, { headers: { "Sec-Fetch-Site": "cross-site" } });
  assertError({ ...cross, body: JSON.parse(cross.text) }, 403, "forbidden");
  const bad = await fetch(`${BASE_URL}/track`, { method: "POST", headers: { "Content-Type": "text/plain" }, body: "no=1" });
  assertError({ status: bad.status, headers: bad.headers, body: await bad.json() }, 400, "invalid_parameter");
});
