// Personal data past its retention (shared::retention, 个人信息保护法): the
// daily job deletes the files of an application returned over 180 days ago
// and anonymises a case, a hotline ticket's caller and a complainant three
// years after closing; the records and their audit trails stay, and the
// security log says what went.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL } from "../support/http.mjs";
import { cookieOf, freshResidentId, sqlLocal, sqlLocalRows, storedObjectKeys, submitFood, track } from "../support/cases.mjs";
import { as, call, closedTicket, disposedCase, need, signIn } from "../support/objects.mjs";
import { complaint, newComplaint, step } from "../support/complaints.mjs";
import { outboxOf } from "../support/notify.mjs";

const DAY = 86_400_000;
const cstDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3600e3 + offsetDays * DAY).toISOString().slice(0, 10);
const dailyJob = async () => assert.equal((await fetch(`${BASE_URL}/cdn-cgi/handler/scheduled?cron=0+17+*+*+*`)).status, 200);
const closedOn = (caseNo) => sqlLocalRows(`SELECT closed_on FROM case_record WHERE case_no = '${caseNo}'`)[0].closed_on;
const keysOf = async (caseNo) => (await storedObjectKeys()).filter((k) => k.startsWith(`cases/${caseNo}/`));

test("the files of an application returned over 180 days ago are deleted; the case and its trail stay, and a younger one keeps its files", async () => {
  await signIn("scjg_window");
  const old = await disposedCase({ class: "returned", reasons: "不属于本部门职权范围" });
  const young = await disposedCase({ class: "returned", reasons: "不属于本部门职权范围" });
  assert.equal(closedOn(old.case_no), cstDay(), "returning a case records the day it closed");
  const fileId = old.view.files[0].id;
  assert.ok((await keysOf(old.case_no)).length > 0);
  sqlLocal(`UPDATE case_record SET closed_on = '${cstDay(-181)}' WHERE case_no = '${old.case_no}'`);
  sqlLocal(`UPDATE case_record SET closed_on = '${cstDay(-179)}' WHERE case_no = '${young.case_no}'`);

  await dailyJob();
  const view = await need(call(as("scjg_window"), "GET", `/api/staff/cases/${old.case_no}`), 200, "case");
  assert.deepEqual(view.files, [], "the files' rows are gone");
  assert.equal((await call(as("scjg_window"), "GET", `/api/staff/files/${fileId}`)).status, 404);
  assert.deepEqual(await keysOf(old.case_no), [], "and the objects in R2");
  assert.equal(view.state, "returned");
  assert.equal(view.applicant_name, old.view.applicant_name, "only the files go at 180 days");
  const last = view.timeline.at(-1);
  assert.match(last.note, /按保存期限删除申请材料/);
  assert.equal((await track(old.case_no, old.query_code)).status, 200, "the applicant still sees what happened");

  const kept = await need(call(as("scjg_window"), "GET", `/api/staff/cases/${young.case_no}`), 200, "case");
  assert.equal(kept.files.length, young.view.files.length, "179 days: kept");

  await dailyJob();
  const again = await need(call(as("scjg_window"), "GET", `/api/staff/cases/${old.case_no}`), 200, "case");
  assert.equal(again.timeline.length, view.timeline.length, "a second run does nothing twice");
});

test("a case closed over three years ago is anonymised: no name, number, mobile, address or files; the office's export no longer finds it", async () => {
  const id = freshResidentId();
  const { receipt } = await submitFood({ applicant_kind: "person", name: "保存期限测试人", id_number: id, mobile: "13912345670" });
  await signIn("scjg_window");
  const view = await need(call(as("scjg_window"), "GET", `/api/staff/cases/${receipt.case_no}`), 200, "case");
  const done = await need(
    call(as("scjg_window"), "POST", `/api/staff/cases/${receipt.case_no}/disposition`, { json: { version: view.version, note: "", class: "immediate" } }),
    200,
    "complete",
  );
  assert.equal(done.state, "completed");
  sqlLocal(`UPDATE case_record SET closed_on = '${cstDay(-3 * 365 - 1)}' WHERE case_no = '${receipt.case_no}'`);

  await dailyJob();
  const after = await need(call(as("scjg_window"), "GET", `/api/staff/cases/${receipt.case_no}`), 200, "case");
  assert.equal(after.applicant_name, "（已匿名）");
  assert.deepEqual([after.address, after.fields, after.files], ["", [], []]);
  const revealed = await need(call(as("scjg_window"), "POST", `/api/staff/cases/${receipt.case_no}/personal-data`), 200, "reveal");
  assert.deepEqual([revealed.id_number, revealed.mobile], ["", ""]);
  assert.deepEqual(await keysOf(receipt.case_no), []);
  const messages = sqlLocalRows(`SELECT o.phone, l.phone AS logged FROM notice_outbox o LEFT JOIN notice_log l ON l.outbox_id = o.id WHERE o.case_no = '${receipt.case_no}'`);
  assert.ok(messages.length > 0, "the case's messages were sent");
  assert.deepEqual(messages.filter((m) => m.phone !== "" || (m.logged ?? "") !== ""), [], "its number is gone from the outbox and the provider's store too");
  assert.equal(after.state, "completed", "the case and its outcome stay");
  assert.match(after.timeline.at(-1).note, /匿名化/);

  const office = await cookieOf("office_admin");
  const exported = await need(call(office, "POST", "/api/office/applicant-data", { json: { id_number: id } }), 200, "export");
  assert.deepEqual(exported.cases, [], "nothing is held about the applicant any more");
  const events = await need(call(office, "GET", "/api/admin/security-events?kind=personal_data_erased"), 200, "events");
  assert.ok(events.events.some((e) => /匿名化办结满3年的办件[1-9]/.test(e.detail)), JSON.stringify(events.events.slice(0, 3)));
});

test("a hotline caller and a complainant are anonymised three years after their ticket or complaint closed; younger ones keep theirs", async () => {
  for (const u of ["office_admin", "zj_window", "zj_head"]) await signIn(u);
  const office = as("office_admin");
  const ticket = await closedTicket();
  const young = await closedTicket();
  const answered = await newComplaint({ kind: "consultation", cause: "营业执照变更能否网上办理" });
  let c = (await complaint(office, answered.complaint_no)).body;
  c = await step(office, c, { action: "answer", text: "可以网上办理。" });
  assert.equal(c.state, "closed");
  const past = `${cstDay(-3 * 365 - 1)}T10:00:00+08:00`;
  sqlLocal(`UPDATE hotline_ticket SET closed_at = '${past}' WHERE ticket_no = '${ticket.ticket_no}'`);
  sqlLocal(`UPDATE complaint SET closed_at = '${past}' WHERE complaint_no = '${answered.complaint_no}'`);

  // Their messages sent, or held by the daily cap (the demo callers' shared
  // numbers reach it), first: one on its way would be logged after the erasure.
  await untilNoneInFlight([ticket.ticket_no, answered.complaint_no]);
  await dailyJob();
  const t = await need(call(office, "GET", `/api/hotline/tickets/${ticket.ticket_no}`), 200, "ticket");
  assert.deepEqual([t.caller.name, t.caller.phone], ["（已匿名）", ""]);
  assert.equal(t.state, "closed", "the ticket and its outcome stay");
  const kept = await need(call(office, "GET", `/api/hotline/tickets/${young.ticket_no}`), 200, "ticket");
  assert.notEqual(kept.caller.name, "（已匿名）");
  const after = (await complaint(office, answered.complaint_no)).body;
  assert.deepEqual([after.complainant.name, after.complainant.phone, after.complainant.id_number], ["（已匿名）", "", ""]);
  assert.equal(after.state, "closed");
  // Their SMS go with them: the outbox and the log provider's copies keep no number.
  const numbers = (no) =>
    sqlLocalRows(`SELECT o.phone AS sent, l.phone AS logged FROM notice_outbox o LEFT JOIN notice_log l ON l.outbox_id = o.id WHERE o.case_no = '${no}'`);
  const gone = [...numbers(ticket.ticket_no), ...numbers(answered.complaint_no)];
  assert.ok(gone.length >= 4, JSON.stringify(gone));
  assert.ok(gone.every((r) => r.sent === "" && (r.logged ?? "") === ""), JSON.stringify(gone));
  const younger = numbers(young.ticket_no);
  assert.ok(younger.length >= 1 && younger.every((r) => r.sent !== ""), `a younger ticket's messages keep theirs: ${JSON.stringify(younger)}`);
});

/** Waits until each item's messages are sent or held (queued with a reason why). */
async function untilNoneInFlight(items) {
  const until = Date.now() + 90_000;
  for (;;) {
    const rows = items.flatMap((no) => outboxOf(no));
    if (rows.length >= 4 && rows.every((r) => r.state !== "queued" || r.reason)) return;
    if (Date.now() > until) assert.fail(`messages still on their way: ${JSON.stringify(rows)}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}
