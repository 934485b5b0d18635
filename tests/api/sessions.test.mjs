// Sessions: a __Host- cookie, a new session on every sign-in, the list of
// one's own sessions, signing out everywhere else, and the idle limit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { BASE_URL, assertError } from "../support/http.mjs";
import { login, sqlLocal, staffGet } from "../support/cases.mjs";

const USER = "zj_window";
const tokenHash = (cookie) => createHash("sha256").update(cookie.split("=")[1]).digest("hex");

test("the session cookie is __Host-, HttpOnly, Secure, SameSite=Strict, for the whole site", async () => {
  const { status, setCookie } = await login(USER);
  assert.equal(status, 200);
  assert.match(setCookie, /^__Host-sid=[0-9a-f]{64}; /);
  for (const part of ["HttpOnly", "Secure", "SameSite=Strict", "Path=/"]) assert.ok(setCookie.includes(part), part);
  assert.doesNotMatch(setCookie, /Domain=/i);
});

test("each sign-in is its own session; the member lists them and signs out everywhere else", async () => {
  const here = (await login(USER)).cookie;
  const there = (await login(USER)).cookie;
  assert.notEqual(here, there);
  const listed = await staffGet(here, "/api/staff/sessions");
  assert.equal(listed.status, 200);
  const { sessions } = listed.body;
  assert.ok(sessions.length >= 2, JSON.stringify(sessions));
  assert.equal(sessions.filter((s) => s.current).length, 1);
  assert.ok(sessions.every((s) => s.address && s.started_at <= s.last_active_at));

  const ended = await fetch(`${BASE_URL}/api/staff/sessions/end-others`, { method: "POST", headers: { Cookie: here } });
  assert.equal(ended.status, 200);
  assert.ok((await ended.json()).ended >= 1);
  assertError(await staffGet(there, "/api/staff/me"), 401, "unauthenticated");
  assert.equal((await staffGet(here, "/api/staff/me")).status, 200);
  assert.deepEqual((await staffGet(here, "/api/staff/sessions")).body.sessions.map((s) => s.current), [true]);
  assertError(await staffGet("", "/api/staff/sessions"), 401, "unauthenticated");
});

test("a session unused past its idle limit is refused, though its 8 hours have not run out", async () => {
  const { cookie } = await login(USER);
  assert.equal((await staffGet(cookie, "/api/staff/me")).status, 200);
  // Thirty minutes without a request, as the clock would make it.
  sqlLocal(`UPDATE staff_session SET idle_until = strftime('%s', 'now') - 1 WHERE token_hash = '${tokenHash(cookie)}'`);
  assertError(await staffGet(cookie, "/api/staff/me"), 401, "unauthenticated");
});
