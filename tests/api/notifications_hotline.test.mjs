// The hotline caller's and the efficiency complainant's SMS: received
// (number and query code, sent at once: the acknowledgement is due within 3
// minutes), the reply once the office accepts it, and the close after the
// call-back; each once, written in the batch of the change. And the unit's
// inbox item for a complaint assigned to it.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { clientIp } from "../support/cases.mjs";
import { anonymousForm, complaintForm } from "../support/complaints.mjs";
import { UNIT, callerForm } from "../support/hotline.mjs";
import { DISPATCH_TO_4, REPLY, as, call, need, signIn, ticketStep } from "../support/objects.mjs";
import { freshMobile, loggedFor, maskedCode, outboxOf, settled } from "../support/notify.mjs";

before(async () => {
  for (const u of ["office_admin", "zj_window", "zj_head"]) await signIn(u);
});

test("a caller hears that the ticket was taken in, replied and closed after the call-back, once each", async () => {
  const phone = freshMobile();
  const headers = { "Idempotency-Key": randomUUID(), "CF-Connecting-IP": clientIp() };
  const receipt = await need(call("", "POST", "/api/hotline/tickets", { json: callerForm({ caller_phone: phone }), headers }), 201, "ticket");
  // The same submission again (a retry) finds the ticket and sends nothing more.
  await need(call("", "POST", "/api/hotline/tickets", { json: callerForm({ caller_phone: phone }), headers }), 201, "retry");
  const [received] = await settled(receipt.ticket_no, 1);
  assert.deepEqual([received.event, received.state, received.phone], ["hotline_received", "delivered", phone]);
  assert.deepEqual(JSON.parse(loggedFor(receipt.ticket_no)[0].vars), { no: receipt.ticket_no, code: maskedCode(receipt.query_code) });

  const view = await need(call(as("office_admin"), "GET", `/api/hotline/tickets/${receipt.ticket_no}`), 200, "ticket view");
  let t = { ...receipt, version: view.version };
  t = await ticketStep(t, "office_admin", DISPATCH_TO_4, "disposition");
  t = await ticketStep(t, "zj_window", { action: "sign" });
  t = await ticketStep(t, "zj_head", REPLY);
  // Dispatch, signing and the unit's reply tell the caller nothing yet.
  assert.equal((await settled(receipt.ticket_no, 1)).length, 1);
  t = await ticketStep(t, "office_admin", { action: "review_reply", accept: true, reason: "" });
  await ticketStep(t, "office_admin", { action: "callback", result: "satisfied", note: "" });
  const rows = await settled(receipt.ticket_no, 3);
  assert.deepEqual(rows.map((r) => [r.event, r.state]), [
    ["hotline_received", "delivered"],
    ["hotline_replied", "delivered"],
    ["hotline_callback", "delivered"],
  ]);
  assert.deepEqual(JSON.parse(loggedFor(receipt.ticket_no)[2].vars), { no: receipt.ticket_no });
});

test("a named complainant hears the complaint was received; the unit it is assigned to finds it in its inbox", async () => {
  const phone = freshMobile();
  const headers = { "Idempotency-Key": randomUUID(), "CF-Connecting-IP": clientIp() };
  const receipt = await need(call("", "POST", "/api/complaints", { json: complaintForm({ phone }), headers }), 201, "complaint");
  const [received] = await settled(receipt.complaint_no, 1);
  assert.deepEqual([received.event, received.state], ["complaint_received", "delivered"]);
  assert.deepEqual(JSON.parse(loggedFor(receipt.complaint_no)[0].vars), { no: receipt.complaint_no, code: maskedCode(receipt.query_code) });
  // An anonymous complaint has no number to tell.
  const anonymous = await need(
    call("", "POST", "/api/complaints", { json: anonymousForm(), headers: { "Idempotency-Key": randomUUID(), "CF-Connecting-IP": clientIp() } }),
    201,
    "anonymous complaint",
  );
  assert.deepEqual(outboxOf(anonymous.complaint_no), []);

  const view = await need(call(as("office_admin"), "GET", `/api/complaints/${receipt.complaint_no}`), 200, "complaint view");
  const json = { version: view.version, action: "accept", mode: "assigned", unit_id: UNIT.housing, instruction: "请调查核实" };
  await need(call(as("office_admin"), "POST", `/api/complaints/${receipt.complaint_no}/action`, { json }), 200, "assign");
  const inbox = await need(call(as("zj_window"), "GET", "/api/staff/inbox"), 200, "unit inbox");
  const item = inbox.items.find((i) => i.link === `/staff/complaints/${receipt.complaint_no}`) ?? assert.fail("the unit has the complaint");
  assert.deepEqual([item.kind, item.title, item.read], ["complaint", `效能投诉交办 ${receipt.complaint_no}`, false]);
  // Who complained stays with the office.
  assert.doesNotMatch(JSON.stringify(inbox), new RegExp(phone));
});
