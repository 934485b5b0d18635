// The security event log (ASVS V16): sign-ins and their failures,
// throttling, refusals, file views, account, role, settings and key
// changes, each with who, from where, when and how it ended; searched by
// the office only; append-only, and kept for the stated retention.
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { BASE_URL, assertError } from "../support/http.mjs";
import { DEMO_PASSWORD, clientIp, freshResidentId, login, sqlLocal, sqlLocalRows, staffGet, submitFood } from "../support/cases.mjs";
import { post } from "../support/admin.mjs";

const cookieOf = async (username) => (await login(username)).cookie;
const office = () => cookieOf("office_admin");

/** The office's search of the log (every page of it, newest first). */
async function search(cookie, params) {
  const events = [];
  let after = "";
  for (let i = 0; i < 20; i++) {
    const q = new URLSearchParams({ ...params, ...(after ? { after } : {}) });
    const res = await staffGet(cookie, `/api/admin/security-events?${q}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    events.push(...res.body.events);
    if (!res.body.next) return events;
    after = res.body.next;
  }
  assert.fail("too many pages");
}

/** The newest events `params` select (one page of up to 100). */
async function newest(cookie, params) {
  const res = await staffGet(cookie, `/api/admin/security-events?${new URLSearchParams({ limit: "100", ...params })}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.events;
}

/** A GET from `ip` with a staff cookie. */
async function getFrom(cookie, path, ip) {
  const res = await fetch(BASE_URL + path, { headers: { Cookie: cookie, "CF-Connecting-IP": ip } });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

const recent = (at) => {
  assert.match(at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
  const age = Date.now() - Date.parse(at);
  assert.ok(age >= -5000 && age < 5 * 60_000, `${at} is now`);
};

test("a failed and a successful sign-in are logged with the user, address, time and outcome", async () => {
  const ip = clientIp();
  const stranger = `nobody-${randomUUID().slice(0, 8)}`;
  assert.equal((await login("zj_window", "not-the-password", ip)).status, 401);
  assert.equal((await login(stranger, "whatever-it-is", ip)).status, 401);
  assert.equal((await login("zj_window", DEMO_PASSWORD, ip)).status, 200);

  const events = await search(await office(), { address: ip });
  assert.deepEqual(events.map((e) => [e.kind, e.outcome, e.username]), [
    ["sign_in", "success", "zj_window"],
    ["sign_in", "failure", stranger],
    ["sign_in", "failure", "zj_window"],
  ]);
  for (const e of events) {
    assert.equal(e.address, ip);
    recent(e.at);
    assert.doesNotMatch(JSON.stringify(e), /not-the-password|whatever-it-is|Demo@2026/, "no password is logged");
  }
  // A known member by id; a user name that is no account, as typed.
  assert.equal(typeof events[0].staff_id, "number");
  assert.equal(events[0].staff_id, events[2].staff_id);
  assert.equal(events[1].staff_id, null);
});

test("throttled sign-ins and throttled look-ups are logged, once a minute per address", async () => {
  const ip = clientIp();
  let limited = 0;
  for (let i = 0; i < 12 && limited < 2; i++) {
    const res = await login("ga_window", "wrong-password", ip);
    if (res.status === 429) limited++;
  }
  assert.equal(limited, 2, "the sign-in was throttled");
  const cookie = await office();
  const signIns = await search(cookie, { address: ip, outcome: "limited" });
  assert.deepEqual(signIns.map((e) => [e.kind, e.username]), [["sign_in", "ga_window"]], "one event for two refusals");

  // One case number looked up from one address past its per-number limit.
  const number = `ZZ${Date.now()}`;
  let refused;
  for (let i = 0; i < 25 && !refused; i++) {
    const res = await fetch(`${BASE_URL}/api/track/${number}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "CF-Connecting-IP": ip },
      body: JSON.stringify({ code: "12345678" }),
    });
    if (res.status === 429) refused = res;
  }
  assert.ok(refused, "the look-ups were throttled");
  const [e, ...more] = await search(cookie, { address: ip, kind: "throttled" });
  assert.equal(more.length, 0);
  assert.deepEqual([e.outcome, e.username, e.staff_id, e.target], ["limited", "", null, `POST /api/track/${number}`]);
  assert.doesNotMatch(JSON.stringify(e), /12345678/, "no query code is logged");
});

test("a refusal (403) is logged with the member and the request", async () => {
  const ip = clientIp();
  const window = await cookieOf("zj_window");
  assertError(await getFrom(window, "/api/admin/settings", ip), 403, "forbidden");
  const [e, ...more] = await search(await office(), { address: ip, kind: "forbidden" });
  assert.equal(more.length, 0);
  assert.deepEqual([e.outcome, e.username, e.target], ["refused", "zj_window", "GET /api/admin/settings"]);
  assert.equal(typeof e.staff_id, "number");
  assert.match(e.detail, /\p{Script=Han}/u);
  recent(e.at);
});

test("a member's view of an uploaded file is logged", async () => {
  const { receipt } = await submitFood();
  const ip = clientIp();
  const window = await cookieOf("scjg_window");
  const view = (await staffGet(window, `/api/staff/cases/${receipt.case_no}`)).body;
  const file = await fetch(`${BASE_URL}/api/staff/files/${view.files[0].id}`, { headers: { Cookie: window, "CF-Connecting-IP": ip } });
  assert.equal(file.status, 200);
  const [e, ...more] = await search(await office(), { address: ip, kind: "file_viewed" });
  assert.equal(more.length, 0);
  assert.deepEqual([e.outcome, e.username, e.target], ["success", "scjg_window", `file:${view.files[0].id}`]);
  assert.ok(e.detail.includes(receipt.case_no));
  assert.doesNotMatch(e.detail, new RegExp(receipt.query_code), "no query code is logged");
});

test("staff see the applicant's identity number and mobile masked; showing them whole is logged", async () => {
  const { receipt } = await submitFood();
  const ip = clientIp();
  const window = await cookieOf("scjg_window");
  const view = (await staffGet(window, `/api/staff/cases/${receipt.case_no}`)).body;
  assert.equal(view.id_number, "9135**********0Y43");
  assert.equal(view.mobile, "138****8000");
  const res = await fetch(`${BASE_URL}/api/staff/cases/${receipt.case_no}/personal-data`, { method: "POST", headers: { Cookie: window, "CF-Connecting-IP": ip } });
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { id_number: "91350100M000100Y43", mobile: "13800138000" });
  const [e, ...more] = await search(await office(), { address: ip, kind: "personal_data_viewed" });
  assert.equal(more.length, 0);
  assert.deepEqual([e.outcome, e.username, e.target], ["success", "scjg_window", `case:${receipt.case_no}`]);
  assert.doesNotMatch(JSON.stringify(e), /91350100M000100Y43|13800138000/, "the log names the case, not the numbers");
  const other = await fetch(`${BASE_URL}/api/staff/cases/${receipt.case_no}/personal-data`, { method: "POST", headers: { Cookie: await cookieOf("ga_window") } });
  assert.equal(other.status, 404, "another department's case answers like an unknown one");
});

test("account, role, password-reset, settings and sign-out events are logged in their changes' batches", async () => {
  const admin = await office();
  const username = `sec_${Date.now() % 1e8}`;
  const made = await post(admin, "/api/admin/accounts", { username, name: "安全测试", role: "window_staff", department_id: 1 });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const acc = made.body.account;
  const promoted = await post(admin, `/api/admin/accounts/${acc.id}`, { name: acc.name, role: "department_head", department_id: 1, active: true, version: acc.version });
  assert.equal(promoted.status, 200, JSON.stringify(promoted.body));
  const reset = await post(admin, `/api/admin/accounts/${acc.id}/password-reset`, { version: promoted.body.version });
  assert.equal(reset.status, 200);
  // A stale save lands nothing, so it logs nothing.
  assertError(await post(admin, `/api/admin/accounts/${acc.id}`, { name: acc.name, role: "window_staff", department_id: 1, active: true, version: acc.version }), 409, "conflict");
  const off = await post(admin, `/api/admin/accounts/${acc.id}`, { name: acc.name, role: "department_head", department_id: 1, active: false, version: reset.body.account.version });
  assert.equal(off.status, 200, JSON.stringify(off.body));

  const about = (await newest(admin, { user: "office_admin" })).filter((e) => e.target === `account:${acc.id}`);
  assert.deepEqual(about.map((e) => [e.kind, e.outcome]), [
    ["account_changed", "success"],
    ["password_reset", "success"],
    ["role_changed", "success"],
    ["account_created", "success"],
  ]);
  assert.match(about[0].detail, /停用/);
  assert.match(about[2].detail, /窗口工作人员→部门负责人/);
  assert.doesNotMatch(JSON.stringify(about), new RegExp(made.body.password), "no one-time password is logged");

  const settings = (await staffGet(admin, "/api/admin/settings")).body;
  assert.equal((await post(admin, "/api/admin/settings", settings)).status, 200);
  const [saved] = await newest(admin, { kind: "settings_changed" });
  assert.deepEqual([saved.username, saved.target], ["office_admin", "settings"]);
  recent(saved.at);

  const ip = clientIp();
  const { cookie } = await login("cgz_staff", DEMO_PASSWORD, ip);
  const out = await fetch(`${BASE_URL}/api/staff/logout`, { method: "POST", headers: { Cookie: cookie, "CF-Connecting-IP": ip } });
  assert.equal(out.status, 200);
  const [signOut] = await search(admin, { address: ip, kind: "sign_out" });
  assert.equal(signOut?.username, "cgz_staff");
});

test("ending one's other sessions and issuing and revoking an API key are logged", async () => {
  const ip = clientIp();
  const here = (await login("zj_head", DEMO_PASSWORD, ip)).cookie;
  await login("zj_head", DEMO_PASSWORD, ip);
  const ended = await fetch(`${BASE_URL}/api/staff/sessions/end-others`, {
    method: "POST",
    headers: { Cookie: here, "CF-Connecting-IP": ip, "Content-Type": "application/json" },
    body: JSON.stringify({ password: DEMO_PASSWORD }),
  });
  assert.equal(ended.status, 200);
  const count = (await ended.json()).ended;
  assert.ok(count >= 1);
  const admin = await office();
  const [e] = await search(admin, { address: ip, kind: "sessions_ended" });
  assert.deepEqual([e.username, e.outcome], ["zj_head", "success"]);
  assert.match(e.detail, new RegExp(`${count}个$`));

  const issued = await post(admin, "/api/hotline/api-keys", { partner: `安全日志测试${Date.now() % 1e6}` });
  assert.equal(issued.status, 201, JSON.stringify(issued.body));
  assert.equal((await post(admin, `/api/hotline/api-keys/${issued.body.id}/revoke`, {})).status, 200);
  // Revoking again changes nothing, so it logs nothing.
  assert.equal((await post(admin, `/api/hotline/api-keys/${issued.body.id}/revoke`, {})).status, 200);
  const keys = (await newest(admin, { user: "office_admin" })).filter((k) => k.target === `api_key:${issued.body.id}`);
  assert.deepEqual(keys.map((k) => k.kind), ["api_key_revoked", "api_key_issued"]);
  assert.doesNotMatch(JSON.stringify(keys), new RegExp(issued.body.key), "no key is logged");
});

test("the search filters by dates, kind, user, address and outcome, a page at a time", async () => {
  const ip = clientIp();
  for (let i = 0; i < 3; i++) assert.equal((await login("hkz_head", "wrong-password", ip)).status, 401);
  assert.equal((await login("hkz_head", DEMO_PASSWORD, ip)).status, 200);
  const admin = await office();
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const tomorrow = new Date(Date.now() + 32 * 3600_000).toISOString().slice(0, 10);

  assert.equal((await search(admin, { address: ip })).length, 4);
  assert.equal((await search(admin, { address: ip, outcome: "failure" })).length, 3);
  assert.equal((await search(admin, { address: ip, outcome: "success", kind: "sign_in", user: "hkz_head" })).length, 1);
  assert.equal((await search(admin, { address: ip, kind: "forbidden" })).length, 0);
  assert.equal((await search(admin, { address: ip, user: "someone_else" })).length, 0);
  assert.equal((await search(admin, { address: ip, from: today, to: today })).length, 4);
  assert.equal((await search(admin, { address: ip, from: tomorrow })).length, 0);

  // A page at a time: each page newest first, no event twice.
  const pages = await search(admin, { address: ip, limit: "1" });
  assert.equal(new Set(pages.map((e) => e.id)).size, 4);
  assert.deepEqual(pages.map((e) => e.id), [...pages.map((e) => e.id)].sort((a, b) => b - a));

  for (const bad of ["kind=nap", "outcome=ok", "from=2026-13-01", "from=2026-03-02&to=2026-03-01", "limit=0", "after=zz"]) {
    assertError(await staffGet(admin, `/api/admin/security-events?${bad}`), 400, "invalid_parameter");
  }
});

test("only the office reads the log", async () => {
  assertError(await staffGet("", "/api/admin/security-events"), 401, "unauthenticated");
  for (const who of ["scjg_window", "scjg_head"]) {
    assertError(await staffGet(await cookieOf(who), "/api/admin/security-events"), 403, "forbidden");
  }
  const [e] = await newest(await office(), { kind: "forbidden", user: "scjg_head" });
  assert.equal(e.target, "GET /api/admin/security-events");
});

test("the log is append-only: a recent row can be neither changed nor deleted; the daily job drops only what is past the retention", async () => {
  const [row] = sqlLocalRows("SELECT id FROM security_event ORDER BY id DESC LIMIT 1");
  assert.ok(row, "there are events");
  assert.throws(() => sqlLocal(`UPDATE security_event SET detail = 'edited' WHERE id = ${row.id}`));
  assert.throws(() => sqlLocal(`DELETE FROM security_event WHERE id = ${row.id}`));
  assert.throws(() => sqlLocal("DELETE FROM security_event"));
  assert.equal(sqlLocalRows(`SELECT count(*) AS n FROM security_event WHERE id = ${row.id}`)[0].n, 1);

  // Rows from 400 and 300 days ago (in China time, as stored): the first is
  // past the 365 days, the second is not.
  const probe = `retention-${randomUUID().slice(0, 8)}`;
  const at = (days) => `strftime('%Y-%m-%dT%H:%M:%S+08:00', 'now', '-${days} days', '+8 hours')`;
  sqlLocal(`INSERT INTO security_event (at, kind, outcome, username) VALUES (${at(400)}, 'sign_in', 'failure', '${probe}'), (${at(300)}, 'sign_in', 'failure', '${probe}')`);
  assert.throws(() => sqlLocal(`DELETE FROM security_event WHERE username = '${probe}'`), "the younger row holds the deletion back");
  const res = await fetch(`${BASE_URL}/cdn-cgi/handler/scheduled?cron=0+17+*+*+*`);
  assert.equal(res.status, 200);
  const left = sqlLocalRows(`SELECT at FROM security_event WHERE username = '${probe}'`);
  assert.equal(left.length, 1, JSON.stringify(left));
  assert.ok(Date.now() - Date.parse(left[0].at) < 301 * 86_400_000, "the younger row stays");
});

test("the office exports all of one applicant's data on request, whole, and the export is logged", async () => {
  const id = freshResidentId();
  const first = (await submitFood({ applicant_kind: "person", name: "导出测试人", id_number: id, mobile: "13912345678" })).receipt;
  const second = (await submitFood({ applicant_kind: "person", name: "导出测试人", id_number: id, mobile: "13912345678" })).receipt;
  const ip = clientIp();
  const admin = await office();
  const exportOf = (cookie, id_number, from = ip) =>
    fetch(`${BASE_URL}/api/office/applicant-data`, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/json", "CF-Connecting-IP": from },
      body: JSON.stringify({ id_number }),
    }).then(async (r) => ({ status: r.status, headers: r.headers, body: await r.json() }));
  const res = await exportOf(admin, id.toLowerCase());
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.id_number, id, "normalised as cases store it");
  assert.equal(res.body.truncated, false);
  assert.deepEqual(res.body.cases.map((c) => c.case_no), [first.case_no, second.case_no], "every case, oldest first");
  for (const c of res.body.cases) {
    assert.deepEqual([c.id_number, c.mobile, c.applicant_name], [id, "13912345678", "导出测试人"], "whole, not masked");
    assert.ok(c.files.length > 0 && c.timeline.length > 0, "files and the case's history come with it");
  }
  const [e, ...more] = await search(admin, { address: ip, kind: "personal_data_viewed" });
  assert.equal(more.length, 0);
  assert.equal(e.username, "office_admin");
  assert.match(e.detail, /导出申请人.*（2件）/);
  assert.doesNotMatch(JSON.stringify(e), new RegExp(`${id}|13912345678`), "the log holds the number masked only");

  assertError(await exportOf(await cookieOf("scjg_head"), id), 403, "forbidden");
  assertError(await exportOf("", id), 401, "unauthenticated");
  const bad = await exportOf(admin, "12345");
  assertError(bad, 400, "invalid_parameter");
  assert.match(bad.body.error.message, /身份证号码或统一社会信用代码/);
});
