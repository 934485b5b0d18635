// Sessions: a __Host- cookie, a new session on every sign-in, the list of
// one's own sessions, signing out everywhere else, and the idle limit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { BASE_URL, assertError } from "../support/http.mjs";
import { DEMO_PASSWORD, cookieOf, login, sqlLocal, staffGet } from "../support/cases.mjs";
import { as, call, newAccount, signIn } from "../support/objects.mjs";

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

  const endOthers = (password) =>
    fetch(`${BASE_URL}/api/staff/sessions/end-others`, { method: "POST", headers: { Cookie: here, "Content-Type": "application/json" }, body: JSON.stringify({ password }) });
  const wrong = await endOthers("not-my-password");
  assertError({ status: wrong.status, headers: wrong.headers, body: await wrong.json() }, 400, "invalid_parameter");
  assert.equal((await staffGet(there, "/api/staff/me")).status, 200, "the password again, or nothing ends");
  const ended = await endOthers(DEMO_PASSWORD);
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

test("a POST a browser marks as coming from another site changes nothing: sign-out and sign-in included (ASVS 3.5)", async () => {
  const { cookie } = await login("scjg_window2");
  const post = (path, site, body) =>
    fetch(BASE_URL + path, {
      method: "POST",
      headers: { Cookie: cookie, "Sec-Fetch-Site": site, ...(body ? { "Content-Type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  for (const site of ["cross-site", "same-site"]) {
    const out = await post("/api/staff/logout", site);
    assertError({ status: out.status, headers: out.headers, body: await out.json() }, 403, "forbidden");
    const signIn = await post("/api/staff/login", site, { username: "scjg_window2", password: "Demo@2026" });
    assert.equal(signIn.status, 403, `${site} sign-in`);
  }
  assert.equal((await staffGet(cookie, "/api/staff/me")).status, 200, "the session outlived the forged sign-outs");
  const own = await post("/api/staff/logout", "same-origin");
  assert.equal(own.status, 200, "the app's own sign-out works");
  assert.equal((await staffGet(cookie, "/api/staff/me")).status, 401);
});

test("an administrator signs a member out everywhere; the member's sessions end and the log says how many", async () => {
  await signIn("scjg_head");
  await signIn("office_admin");
  const a = await newAccount();
  const first = await login(a.username, a.password);
  const second = await login(a.username, a.password);
  assert.equal((await staffGet(first.cookie, "/api/staff/me")).status, 200);
  const other = await call(await cookieOf("ga_window"), "POST", `/api/admin/accounts/${a.id}/end-sessions`);
  assertError({ status: other.status, headers: new Headers({ "content-type": "application/json" }), body: other.body }, 403, "forbidden");
  const ended = await call(as("scjg_head"), "POST", `/api/admin/accounts/${a.id}/end-sessions`);
  assert.equal(ended.status, 200, JSON.stringify(ended.body));
  assert.equal(ended.body.ended, 2);
  for (const s of [first, second]) assert.equal((await staffGet(s.cookie, "/api/staff/me")).status, 401);
  assert.equal((await staffGet(as("scjg_head"), "/api/staff/me")).status, 200, "the administrator's own session stays");
  const office = await cookieOf("office_admin");
  const events = (await staffGet(office, `/api/admin/security-events?kind=sessions_ended&user=scjg_head`)).body.events;
  assert.ok(events.some((e) => e.target === `account:${a.id}` && /结束其全部会话：2个/.test(e.detail)), JSON.stringify(events.slice(0, 3)));
});

test("a staff area's page without a session cookie goes to the sign-in before any app loads; the sign-in's app's pages do not", async () => {
  for (const path of ["/staff/admin/settings", "/staff/cases/SP1?x=1", "/staff/hotline"]) {
    const res = await fetch(BASE_URL + path, { redirect: "manual" });
    assert.equal(res.status, 302, path);
    assert.equal(new URL(res.headers.get("location")).pathname + new URL(res.headers.get("location")).search, "/staff/login", path);
  }
  for (const path of ["/staff", "/staff/login"]) assert.equal((await fetch(BASE_URL + path, { redirect: "manual" })).status, 200, path);
  // With a cookie (even one whose session has ended) the area's app is served, and it says so itself.
  const withCookie = await fetch(`${BASE_URL}/staff/admin/settings`, { redirect: "manual", headers: { Cookie: "__Host-sid=ended" } });
  assert.equal(withCookie.status, 200);
  assert.match(await withCookie.text(), /staff-admin/);
});
