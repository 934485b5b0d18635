// What the applicant chooses and what follows completion: no SMS (the form's
// checkbox, the tracking page's switch) records messages as skipped; the
// notifier's daily cron invites an applicant who has not rated a case
// completed three days ago, once per case.
import { test } from "node:test";
import assert from "node:assert/strict";
import { clientIp, dispose, login, sqlLocal, staffGet, submitFood, track } from "../support/cases.mjs";
import { BASE_URL } from "../support/http.mjs";
import { freshMobile, INVITATIONS_CRON, loggedFor, notifierCron, outboxOf, settled } from "../support/notify.mjs";

const choose = (caseNo, code, sms_opt_out) =>
  fetch(`${BASE_URL}/api/track/${caseNo}/sms`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": clientIp() },
    body: JSON.stringify({ code, sms_opt_out }),
  });

test("an applicant who ticks SMS off gets messages recorded as skipped, until they turn it on again", async () => {
  const { receipt } = await submitFood({ mobile: freshMobile(), sms_opt_out: true });
  const [received] = outboxOf(receipt.case_no);
  assert.deepEqual([received.event, received.state, received.reason], ["case_received", "skipped", "申请人选择不接收短信"]);
  const view = (await track(receipt.case_no, receipt.query_code)).body;
  assert.equal(view.sms_opt_out, true);

  // On the tracking page, after the code check: SMS on again, in the case's record.
  const wrong = await choose(receipt.case_no, "00000000", false);
  assert.equal(wrong.status, 404);
  const on = await choose(receipt.case_no, receipt.query_code, false);
  assert.equal(on.status, 200);
  const onView = await on.json();
  assert.equal(onView.sms_opt_out, false);
  assert.equal(onView.timeline.at(-1).note, "申请人选择接收短信通知");
  // The same choice again writes nothing more.
  const again = await (await choose(receipt.case_no, receipt.query_code, false)).json();
  assert.equal(again.timeline.length, onView.timeline.length);

  // The next change is sent; the skipped one stays skipped.
  const { cookie } = await login("scjg_window");
  const staffView = (await staffGet(cookie, `/api/staff/cases/${receipt.case_no}`)).body;
  assert.equal((await dispose(cookie, receipt.case_no, { version: staffView.version, class: "commitment" })).status, 200);
  const rows = await settled(receipt.case_no, 2);
  assert.deepEqual(rows.map((r) => [r.event, r.state]), [["case_received", "skipped"], ["case_accepted", "delivered"]]);
  assert.deepEqual(loggedFor(receipt.case_no).map((l) => l.template), ["case_accepted"]);

  // And off again: the completion is recorded, not sent.
  assert.equal((await choose(receipt.case_no, receipt.query_code, true)).status, 200);
  const accepted = (await staffGet(cookie, `/api/staff/cases/${receipt.case_no}`)).body;
  const done = await fetch(`${BASE_URL}/api/staff/cases/${receipt.case_no}/action`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/json" },
    body: JSON.stringify({ version: accepted.version, action: "complete", result: "证照编号JY54321" }),
  });
  assert.equal(done.status, 200);
  const last = (await settled(receipt.case_no, 3)).at(-1);
  assert.deepEqual([last.event, last.state], ["case_completed", "skipped"]);
});

test("turning SMS off also stops a message still waiting (the night's quiet hours, the daily cap)", async () => {
  const { receipt } = await submitFood({ mobile: freshMobile() });
  const [received] = await settled(receipt.case_no, 1);
  // As if the acknowledgement had been held until the morning.
  sqlLocal(`UPDATE notice_outbox SET state = 'queued', reason = '夜间免打扰', lease_until = NULL WHERE id = ${received.id}`);
  assert.equal((await choose(receipt.case_no, receipt.query_code, true)).status, 200);
  const [after] = outboxOf(receipt.case_no);
  assert.deepEqual([after.state, after.reason], ["skipped", "申请人选择不接收短信"]);
});

/** A case completed at once by its window, its completion moved `days` back. */
async function completedDaysAgo(days, overrides = {}) {
  const { receipt } = await submitFood({ mobile: freshMobile(), ...overrides });
  const { cookie } = await login("scjg_window");
  const view = (await staffGet(cookie, `/api/staff/cases/${receipt.case_no}`)).body;
  assert.equal((await dispose(cookie, receipt.case_no, { version: view.version, class: "immediate" })).status, 200);
  sqlLocal(`UPDATE case_record SET closed_on = date('now', '+8 hours', '-${days} days') WHERE case_no = '${receipt.case_no}'`);
  return receipt;
}

test("three days after completion, an applicant who has not rated is invited once; one who rated is not", async () => {
  const due = await completedDaysAgo(3);
  const recent = await completedDaysAgo(2);
  const rated = await completedDaysAgo(3);
  const rate = await fetch(`${BASE_URL}/api/track/${rated.case_no}/evaluation`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": clientIp() },
    body: JSON.stringify({ code: rated.query_code, level: "satisfied", comment: "" }),
  });
  assert.equal(rate.status, 200);
  const quiet = await completedDaysAgo(4, { sms_opt_out: true });

  await notifierCron(INVITATIONS_CRON);
  // The cron firing again (or the next day) adds nothing.
  await notifierCron(INVITATIONS_CRON);
  const rows = await settled(due.case_no, 3);
  assert.deepEqual(rows.map((r) => r.event), ["case_received", "case_completed", "case_evaluate"]);
  assert.equal(rows[2].state, "delivered");
  assert.deepEqual(JSON.parse(loggedFor(due.case_no).at(-1).vars), { no: due.case_no });
  assert.ok(!outboxOf(recent.case_no).some((r) => r.event === "case_evaluate"), "not yet three days");
  assert.ok(!outboxOf(rated.case_no).some((r) => r.event === "case_evaluate"), "already rated");
  const skipped = outboxOf(quiet.case_no).find((r) => r.event === "case_evaluate") ?? assert.fail("the opted-out applicant's invitation is recorded");
  assert.equal(skipped.state, "skipped");
});
