// Commitment tracking: pause and resume, extension, completion, and the
// yellow and red cards, each with its authorization.
import { test } from "node:test";
import assert from "node:assert/strict";
import { get } from "../support/http.mjs";
import { acceptedCase, act, cookieOf, login, sqlLocal, sqlLocalRows, staffGet, submitFood, track } from "../support/cases.mjs";
import { allPages } from "../support/pages.mjs";

const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const deadlineFor = async (days) => (await get(`/api/calendar/deadline?accepted=${today}&days=${days}`)).body.deadline;

test("pausing stops the clock; resuming the same day changes nothing", async () => {
  const { receipt, cookie, view } = await acceptedCase();
  const original = view.deadline;
  assert.equal(view.ledger.deadline, original.slice(0, 10));
  const paused = await act(cookie, receipt.case_no, { version: view.version, action: "pause", reason: "expert_review" });
  assert.equal(paused.status, 200, JSON.stringify(paused.body));
  assert.equal(paused.body.paused, true);
  assert.equal(paused.body.ledger.standing, "paused");
  assert.equal(paused.body.ledger.deadline, null);
  const publicView = (await track(receipt.case_no, receipt.query_code)).body;
  assert.ok(publicView.ledger.explanation.some((l) => l.startsWith("暂停计时：专家评审")), JSON.stringify(publicView.ledger));
  assert.equal((await act(cookie, receipt.case_no, { version: paused.body.version, action: "pause", reason: "testing" })).status, 409);
  assert.equal((await act(cookie, receipt.case_no, { version: paused.body.version, action: "complete", result: "x" })).status, 409);
  const resumed = await act(cookie, receipt.case_no, { version: paused.body.version, action: "resume" });
  assert.equal(resumed.status, 200);
  assert.equal(resumed.body.deadline, original, "resuming on the day of pausing is a no-op");
  assert.deepEqual(resumed.body.timeline.slice(-2).map((e) => e.note), ["暂停计时：专家评审", "恢复计时"]);
});

test("one extension: staff request, the department head approves, the applicant sees why", async () => {
  const { receipt, cookie, view } = await acceptedCase();
  const head = (await login("scjg_head")).cookie;
  const bad = await act(cookie, receipt.case_no, { version: view.version, action: "request_extension", days: 11, reason: "x" });
  assert.equal(bad.status, 400);
  const req = await act(cookie, receipt.case_no, { version: view.version, action: "request_extension", days: 5, reason: "需组织专家现场论证" });
  assert.equal(req.status, 200, JSON.stringify(req.body));
  assert.equal(req.body.extension.state, "pending");
  assert.equal(req.body.deadline, view.deadline, "not before it is approved");
  assert.equal((await act(cookie, receipt.case_no, { version: req.body.version, action: "decide_extension", approve: true })).status, 403, "window staff cannot approve");
  const ok = await act(head, receipt.case_no, { version: req.body.version, action: "decide_extension", approve: true });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.equal(ok.body.deadline, await deadlineFor(15), "10 committed + 5 extended working days");
  const again = await act(cookie, receipt.case_no, { version: ok.body.version, action: "request_extension", days: 2, reason: "再次" });
  assert.equal(again.status, 409, "a single department extends once");
  const publicView = (await track(receipt.case_no, receipt.query_code)).body;
  assert.equal(publicView.extension.reason, "需组织专家现场论证");
  assert.ok(publicView.ledger.explanation.some((l) => l.includes("延期（李建国批准，理由：需组织专家现场论证）")));
});

test("completion on time, with the result the applicant sees", async () => {
  const { receipt, cookie, view } = await acceptedCase();
  assert.equal((await act(cookie, receipt.case_no, { version: view.version, action: "complete", result: " " })).status, 400);
  const done = await act(cookie, receipt.case_no, { version: view.version, action: "complete", result: "准予许可，食品经营许可证 JY13501000001" });
  assert.equal(done.status, 200);
  assert.equal(done.body.state, "completed");
  assert.match(done.body.timeline.at(-1).note, /^按期办结/);
  const publicView = (await track(receipt.case_no, receipt.query_code)).body;
  assert.equal(publicView.state, "completed");
  assert.equal(publicView.result, "准予许可，食品经营许可证 JY13501000001");
});

test("other departments and the office cannot act on a case", async () => {
  const { receipt, view } = await acceptedCase();
  // Another department's case answers like an unknown one; the office sees
  // it but may not act.
  for (const [user, status] of [["ga_window", 404], ["office_admin", 403]]) {
    const cookie = (await login(user)).cookie;
    assert.equal((await act(cookie, receipt.case_no, { version: view.version, action: "pause", reason: "hearing" })).status, status, user);
  }
  assert.equal((await act(null, receipt.case_no, { version: view.version, action: "pause", reason: "hearing" })).status, 401);
});

test("the inbox sorts by deadline, with red for overdue and yellow near the deadline", async () => {
  const overdue = await acceptedCase();
  // Accepted on 2026-10-09 with 10 working days: due 2026-10-22 (Sat 10-10 was a working day), long past.
  sqlLocal(`UPDATE case_record SET accepted_on = '2026-10-09', deadline = '2026-10-22T23:59:59+08:00' WHERE case_no = '${overdue.receipt.case_no}'`);
  const soon = await acceptedCase();
  const near = await deadlineFor(1);
  sqlLocal(`UPDATE case_record SET deadline = '${near}' WHERE case_no = '${soon.receipt.case_no}'`);
  const inbox = (await allPages(overdue.cookie, "/api/staff/cases?state=in_progress", "cases")).items;
  const find = (no) => inbox.find((c) => c.case_no === no);
  assert.equal(find(overdue.receipt.case_no).standing, "red");
  assert.ok(find(overdue.receipt.case_no).remaining_days < 0);
  assert.equal(find(soon.receipt.case_no).standing, "yellow");
  assert.equal(find(soon.receipt.case_no).remaining_days, 1);
  const index = (no) => inbox.findIndex((c) => c.case_no === no);
  assert.ok(index(overdue.receipt.case_no) < index(soon.receipt.case_no), "the most urgent first");
  const firstNotRed = inbox.findIndex((c) => c.standing !== "red");
  assert.ok(inbox.slice(firstNotRed).every((c) => c.standing !== "red"), "overdue cases lead the inbox");
  const deadlines = inbox.map((c) => c.deadline);
  assert.deepEqual(deadlines, [...deadlines].sort());
  // Completing the overdue case records it as late.
  const view = (await staffGet(overdue.cookie, `/api/staff/cases/${overdue.receipt.case_no}`)).body;
  assert.equal(view.ledger.standing, "red");
  const done = await act(overdue.cookie, overdue.receipt.case_no, { version: view.version, action: "complete", result: "准予许可" });
  assert.match(done.body.timeline.at(-1).note, /^逾期办结/);
});

test("submissions nearing five working days without a disposition are flagged", async () => {
  const fresh = (await submitFood()).receipt;
  const old = (await submitFood()).receipt;
  // Received on Monday 2026-11-02: by now far more than five working days.
  sqlLocal(`UPDATE case_record SET submitted_at = '2026-11-02T09:00:00+08:00' WHERE case_no = '${old.case_no}'`);
  const { cookie } = await login("scjg_window");
  const inbox = (await allPages(cookie, "/api/staff/cases?state=submitted", "cases")).items;
  assert.equal(inbox.find((c) => c.case_no === fresh.case_no).deemed_warning, null);
  assert.match(inbox.find((c) => c.case_no === old.case_no).deemed_warning, /^已满5个工作日未处理，依法视为/);
});

test("the yellow card's threshold is the matter's own", async () => {
  const { receipt, cookie } = await acceptedCase();
  const near = (await get(`/api/calendar/deadline?accepted=${today}&days=4`)).body.deadline;
  sqlLocal(`UPDATE case_record SET deadline = '${near}' WHERE case_no = '${receipt.case_no}'`);
  const standing = async () => ((await allPages(cookie, "/api/staff/cases?state=in_progress", "cases")).items).find((c) => c.case_no === receipt.case_no).standing;
  const [{ yellow_days: threshold }] = sqlLocalRows("SELECT yellow_days FROM matter WHERE code = 'SC003'");
  assert.equal(threshold, 2, "the demo food licence warns 2 working days ahead");
  assert.equal(await standing(), "on_track", "4 working days left, threshold 2");
  sqlLocal("UPDATE matter SET yellow_days = 5 WHERE code = 'SC003'");
  try {
    assert.equal(await standing(), "yellow", "4 working days left, threshold 5");
  } finally {
    sqlLocal(`UPDATE matter SET yellow_days = ${threshold} WHERE code = 'SC003'`);
  }
});

test("the office sees on-time rates per department and every overdue case", async () => {
  const office = (await cookieOf("office_admin"));
  const before = (await staffGet(office, "/api/office/overview")).body;
  const market = (o) => o.rates.find((r) => r.department === "县市场监督管理局");
  // One completed on time, one overdue and still open.
  const onTime = await acceptedCase();
  const res = await act(onTime.cookie, onTime.receipt.case_no, { version: onTime.view.version, action: "complete", result: "准予许可" });
  assert.equal(res.status, 200);
  const late = await acceptedCase();
  sqlLocal(`UPDATE case_record SET accepted_on = '2026-10-09', deadline = '2026-10-22T23:59:59+08:00' WHERE case_no = '${late.receipt.case_no}'`);
  const after = (await staffGet(office, "/api/office/overview")).body;
  assert.equal(market(after).completed, market(before).completed + 1);
  assert.equal(market(after).on_time, market(before).on_time + 1);
  const m = market(after);
  assert.equal(m.on_time_rate, Math.round((m.on_time * 1000) / m.completed) / 10);
  assert.ok(after.overdue.some((c) => c.case_no === late.receipt.case_no));
  assert.ok(after.overdue.every((c) => c.standing === "red"));
  assert.equal((await staffGet(late.cookie, "/api/office/overview")).status, 403);
});

test("the inbox filters by class of handling", async () => {
  const { receipt, cookie } = await acceptedCase();
  const commitment = (await allPages(cookie, "/api/staff/cases?state=in_progress&class=commitment", "cases")).items;
  assert.ok(commitment.some((c) => c.case_no === receipt.case_no));
  assert.ok(commitment.every((c) => c.class === "commitment"));
  const joint = (await allPages(cookie, "/api/staff/cases?state=in_progress&class=joint", "cases")).items;
  assert.ok(!joint.some((c) => c.case_no === receipt.case_no));
  assert.equal((await staffGet(cookie, "/api/staff/cases?class=nonsense")).status, 400);
});

test("the daily job records the day's cards and warnings; a second run changes nothing", async () => {
  const red = await acceptedCase();
  sqlLocal(`UPDATE case_record SET accepted_on = '2026-10-09', deadline = '2026-10-22T23:59:59+08:00' WHERE case_no = '${red.receipt.case_no}'`);
  const waiting = (await submitFood()).receipt;
  sqlLocal(`UPDATE case_record SET submitted_at = '2026-11-02T09:00:00+08:00' WHERE case_no = '${waiting.case_no}'`);
  const office = (await cookieOf("office_admin"));
  const run = async () => {
    const res = await fetch(`${process.env.BASE_URL}/cdn-cgi/handler/scheduled?cron=0+17+*+*+*`);
    assert.equal(res.status, 200);
    return (await staffGet(office, "/api/office/warnings")).body.warnings;
  };
  const first = await run();
  assert.ok(first.some((w) => w.case_no === red.receipt.case_no && w.kind === "red"), JSON.stringify(first));
  assert.ok(first.some((w) => w.case_no === waiting.case_no && w.kind === "deemed"));
  const second = await run();
  assert.deepEqual(second, first, "running the job twice changes nothing");
  assert.equal((await staffGet(red.cookie, "/api/office/warnings")).status, 403);
});

test("the daily job drops expired throttle windows, sessions and old idempotency keys, and nothing current", async () => {
  const now = Math.floor(Date.now() / 1000);
  sqlLocal(`INSERT INTO throttle (key, window_start, count) VALUES ('test:old', ${now - 3 * 86400}, 3), ('test:new', ${now}, 1);
            INSERT INTO idempotency (key, request_hash, created_at) VALUES ('test-old-key', 'x', '2026-01-05T10:00:00+08:00');`);
  const { receipt } = await submitFood();
  await fetch(`${process.env.BASE_URL}/cdn-cgi/handler/scheduled?cron=0+17+*+*+*`);
  const keys = sqlLocalRows("SELECT key FROM throttle WHERE key LIKE 'test:%' UNION ALL SELECT key FROM idempotency WHERE key = 'test-old-key'");
  assert.deepEqual(keys.map((r) => r.key), ["test:new"]);
  const fresh = sqlLocalRows(`SELECT count(*) AS n FROM idempotency WHERE receipt LIKE '%${receipt.case_no}%'`);
  assert.equal(fresh[0].n, 1, "today's receipt is kept for retries");
});
