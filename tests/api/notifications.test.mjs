// Notifications through the queue and the `log` provider (the local
// default): each application event sends exactly one message with its
// template and variables; a retried or lost transition sends nothing more;
// a provider that is down is retried until it takes the message once; a
// refused number fails with its reason; what the retries cannot send ends
// failed from the dead-letter queue.
import { test } from "node:test";
import assert from "node:assert/strict";
import { act, dispose, login, sqlLocal, sqlLocalRows, staffGet, submitFood } from "../support/cases.mjs";
import { BASE_URL } from "../support/http.mjs";
import { failedNotice, freshMobile, loggedFor, maskedCode, settled, testNumber } from "../support/notify.mjs";

/** A food-licence application from a number of its own (see freshMobile). */
const submitOwn = async () => (await submitFood({ mobile: freshMobile() })).receipt;

test("a submission sends the case number and query code once", async () => {
  const mobile = freshMobile();
  const { receipt } = await submitFood({ mobile });
  const [row] = await settled(receipt.case_no, 1);
  assert.deepEqual([row.event, row.state, row.provider, row.attempts], ["case_received", "delivered", "log", 1]);
  assert.equal(row.provider_message_id, `log-${row.id}`);
  assert.equal(row.phone, mobile);
  // The query code travels in the queue's message only, never in the outbox.
  assert.deepEqual(JSON.parse(row.vars), { no: receipt.case_no });
  const logged = loggedFor(receipt.case_no);
  assert.equal(logged.length, 1);
  assert.equal(logged[0].template, "case_received");
  assert.deepEqual(JSON.parse(logged[0].vars), { no: receipt.case_no, code: maskedCode(receipt.query_code) });
});

test("accepted with the committed date, then completed; a retried transition adds nothing", async () => {
  const receipt = await submitOwn();
  const { cookie } = await login("scjg_window");
  const submitted = (await staffGet(cookie, `/api/staff/cases/${receipt.case_no}`)).body;
  const accepted = await dispose(cookie, receipt.case_no, { version: submitted.version, class: "commitment" });
  assert.equal(accepted.status, 200);
  const view = accepted.body;
  // The same disposition again (a double click, a retry): refused, nothing sent.
  const again = await dispose(cookie, receipt.case_no, { version: view.version - 1, class: "commitment" });
  assert.equal(again.status, 409);
  const done = await act(cookie, receipt.case_no, { version: view.version, action: "complete", result: "证照编号JY12345" });
  assert.equal(done.status, 200, JSON.stringify(done.body));
  const retry = await act(cookie, receipt.case_no, { version: view.version, action: "complete", result: "证照编号JY12345" });
  assert.equal(retry.status, 409);
  const rows = await settled(receipt.case_no, 3);
  assert.deepEqual(rows.map((r) => [r.event, r.state]), [["case_received", "delivered"], ["case_accepted", "delivered"], ["case_completed", "delivered"]]);
  const logged = loggedFor(receipt.case_no);
  assert.deepEqual(logged.map((l) => l.template), ["case_received", "case_accepted", "case_completed"]);
  assert.deepEqual(JSON.parse(logged[1].vars), { no: receipt.case_no, date: view.deadline.slice(0, 10) });
  assert.deepEqual(JSON.parse(logged[2].vars), { no: receipt.case_no });
});

test("a supplement notice and an immediate completion each send theirs; two racing windows send one", async () => {
  const { cookie } = await login("scjg_window");
  const a = await submitOwn();
  const view = (await staffGet(cookie, `/api/staff/cases/${a.case_no}`)).body;
  // Two windows decide at once on the same version: one wins, one message.
  const [x, y] = await Promise.all([
    dispose(cookie, a.case_no, { version: view.version, class: "supplement", items: ["缺少健康证明原件"] }),
    dispose(cookie, a.case_no, { version: view.version, class: "immediate" }),
  ]);
  assert.deepEqual([x.status, y.status].sort(), [200, 409]);
  const winner = x.status === 200 ? "case_supplement" : "case_completed";
  const rows = await settled(a.case_no, 2);
  assert.deepEqual(rows.map((r) => r.event), ["case_received", winner]);
  assert.deepEqual(loggedFor(a.case_no).map((l) => l.template), ["case_received", winner]);
  // A returned case tells nobody by SMS (the tracking page says why).
  const b = await submitOwn();
  const vb = (await staffGet(cookie, `/api/staff/cases/${b.case_no}`)).body;
  assert.equal((await dispose(cookie, b.case_no, { version: vb.version, class: "returned", reasons: "不属于本部门职权" })).status, 200);
  assert.deepEqual((await settled(b.case_no, 1)).map((r) => r.event), ["case_received"]);
});

test("a provider down twice then up delivers exactly once; a refused number fails with the reason", async () => {
  const { receipt: flaky } = await submitFood({ mobile: testNumber(2) });
  const { receipt: refused } = await submitFood({ mobile: testNumber(1) });
  const [f] = await settled(flaky.case_no, 1);
  assert.deepEqual([f.state, f.attempts], ["delivered", 3]);
  assert.equal(loggedFor(flaky.case_no).length, 1);
  const [r] = await settled(refused.case_no, 1);
  assert.deepEqual([r.state, r.reason, r.attempts], ["failed", "号码无效（测试号段）", 1]);
  assert.equal(loggedFor(refused.case_no).length, 0);
});

test("a message the retries cannot send ends failed from the dead-letter queue", async () => {
  const { receipt } = await submitFood({ mobile: testNumber(9) });
  const [row] = await settled(receipt.case_no, 1, 120_000);
  assert.equal(row.state, "failed");
  assert.equal(row.attempts, 6, "the first try and max_retries = 5");
  assert.match(row.reason, /^多次重试仍未发出：短信服务暂不可用/);
  assert.equal(loggedFor(receipt.case_no).length, 0);
});

test("the office sees messages by state and provider with masked numbers, and resends a failed one", async () => {
  const failed = await failedNotice();
  const office = (await login("office_admin")).cookie;
  const list = await staffGet(office, "/api/admin/notices?state=failed&limit=100");
  assert.equal(list.status, 200, JSON.stringify(list.body));
  const row = list.body.notices.find((n) => n.id === failed.id) ?? assert.fail("the failed message is listed");
  assert.equal(row.phone, `${failed.phone.slice(0, 3)}****${failed.phone.slice(7)}`);
  assert.deepEqual([row.state, row.reason, row.provider], ["failed", "号码无效（测试号段）", "log"]);
  assert.ok(list.body.counts.some((c) => c.state === "failed" && c.provider === "log" && c.n >= 1));
  // No number appears whole anywhere in the answer.
  assert.doesNotMatch(JSON.stringify(list.body), /1[3-9]\d{9}/);
  const all = await staffGet(office, "/api/admin/notices");
  assert.doesNotMatch(JSON.stringify(all.body), /1[3-9]\d{9}/);

  const resend = (id) => fetch(`${BASE_URL}/api/admin/notices/${id}/resend`, { method: "POST", headers: { Cookie: office } });
  const res = await resend(failed.id);
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.equal(body.state, "queued");
  assert.doesNotMatch(JSON.stringify(body), /1[3-9]\d{9}/);
  // The test number is refused again: failed once more after one new try.
  const [again] = await settled(failed.case_no, 1);
  assert.deepEqual([again.state, again.attempts, again.resent_by !== null], ["failed", 1, true]);
  // Only a failed message can be resent.
  const receipt = await submitOwn();
  const [delivered] = await settled(receipt.case_no, 1);
  const refused = await resend(delivered.id);
  assert.equal(refused.status, 409);
  assert.equal((await refused.json()).error.code, "conflict");
  // Window staff see none of it.
  const windowStaff = (await login("scjg_window")).cookie;
  assert.equal((await staffGet(windowStaff, "/api/admin/notices")).status, 403);
});

test("a number gets at most ten messages a day: the eleventh waits for the next morning", async () => {
  const phone = freshMobile();
  const cases = [];
  for (let i = 0; i < 11; i++) cases.push((await submitFood({ mobile: phone })).receipt.case_no);
  const list = cases.map((c) => `'${c}'`).join(",");
  const until = Date.now() + 90_000;
  let rows;
  for (;;) {
    rows = sqlLocalRows(`SELECT state, reason FROM notice_outbox WHERE case_no IN (${list})`);
    if (rows.filter((r) => r.state === "delivered").length === 10 && rows.some((r) => r.reason)) break;
    if (Date.now() > until) assert.fail(JSON.stringify(rows));
    await new Promise((r) => setTimeout(r, 1000));
  }
  const held = rows.filter((r) => r.state === "queued");
  assert.deepEqual(held, [{ state: "queued", reason: "该号码今日短信已达上限，次日8:00后发送" }]);
});

test("a message the queue never took (a crash after the batch) is sent by the daily sweep, once", async () => {
  const receipt = await submitOwn();
  const [row] = await settled(receipt.case_no, 1);
  // As if the Worker had died between the batch and the queue: never enqueued, still queued, an hour old.
  sqlLocal(`UPDATE notice_outbox SET state = 'queued', enqueued_at = NULL, attempts = 0, created_at = '2026-01-01T00:00:00+08:00' WHERE id = ${row.id}`);
  assert.equal((await fetch(`${BASE_URL}/cdn-cgi/handler/scheduled?cron=0+17+*+*+*`)).status, 200);
  const [again] = await settled(receipt.case_no, 1);
  assert.equal(again.state, "delivered");
  assert.ok(again.enqueued_at, "the sweep handed it to the queue");
  assert.equal(loggedFor(receipt.case_no).length, 1, "the provider's store has it once");
});
