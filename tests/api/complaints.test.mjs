// Efficiency complaints over HTTP (DOMAIN.md §6): intake by the public
// (anonymous allowed) and the office, every transition and role, the
// idempotent retry, stale writes, the extension rule, evidence, the
// complainant's privacy, and the figures.
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { BASE_URL, assertError } from "../support/http.mjs";
import { JPEG, PDF, sqlLocal, sqlLocalRows, staffGet } from "../support/cases.mjs";
import { post } from "../support/admin.mjs";
import {
  UNIT, WHO, accepted, actOn, anonymousForm, complaint, complaintForm, cookieOf, newComplaint, step, submitComplaint,
  trackComplaint, uploadEvidence,
} from "../support/complaints.mjs";

const investigate = (finding = "partly_true", unit_ids = [UNIT.housing]) =>
  ({ action: "investigate", finding, unit_ids, people: "窗口工作人员张某", facts: "经查，窗口三次要求补交同一份材料属实，已责令改正。" });

test("a complaint gets a number and a code at once; a retry with the same key stores it once", async () => {
  const key = randomUUID();
  const first = await submitComplaint(complaintForm(), { key });
  assert.equal(first.status, 201, JSON.stringify(first.body));
  assert.match(first.body.complaint_no, /^XT\d{16}$/);
  assert.match(first.body.query_code, /^\d{8}$/);
  assert.match(first.body.received_at, /\+08:00$/);
  const again = await submitComplaint(complaintForm(), { key });
  assert.equal(again.status, 201);
  assert.deepEqual(again.body, first.body, "the same receipt, not a second complaint");
  assertError(await submitComplaint(complaintForm({ cause: "另一件事" }), { key }), 422, "idempotency_mismatch");
  const rows = sqlLocalRows(`SELECT count(*) AS n FROM complaint WHERE client_key = '${key}'`);
  assert.equal(rows[0].n, 1);
});

test("a form with problems is refused field by field and stores nothing; a submission needs its key", async () => {
  const key = randomUUID();
  const res = await submitComplaint({ kind: null, anonymous: false, name: "", phone: "12", subject: "", cause: "", course: "" }, { key });
  assertError(res, 422, "invalid_application");
  const fields = res.body.error.fields.map((f) => f.field);
  for (const f of ["kind", "name", "phone", "subject", "cause", "course"]) assert.ok(fields.includes(f), f);
  assertError(await submitComplaint(anonymousForm({ phone: "13912345678" })), 422, "invalid_application");
  assert.equal(sqlLocalRows(`SELECT count(*) AS n FROM complaint WHERE client_key = '${key}'`)[0].n, 0);
  const noKey = await fetch(`${BASE_URL}/api/complaints`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(complaintForm()) });
  assert.equal(noKey.status, 400);
});

test("a consultation is answered and closed; the complainant reads the answer with number and code", async () => {
  const r = await newComplaint({ kind: "consultation", cause: "营业执照变更能否网上办理" });
  const office = await cookieOf("office_admin");
  let v = (await complaint(office, r.complaint_no)).body;
  assert.deepEqual(v.actions, ["answer", "note"]);
  assertError(await actOn(office, r.complaint_no, v.version, { action: "accept", mode: "office", unit_id: null }), 409, "conflict");
  v = await step(office, v, { action: "answer", text: "可以，登录县政务服务网办理，无需到窗口。" });
  assert.equal(v.state, "closed");
  assert.equal(v.close_reason, "answered");
  const t = await trackComplaint(r.complaint_no, r.query_code);
  assert.equal(t.status, 200, JSON.stringify(t.body));
  assert.equal(t.body.reply, "可以，登录县政务服务网办理，无需到窗口。");
  assert.ok(v.events.length >= 2, "received and answered are in the audit trail");
});

test("not accepted with a reason, or transferred to the competent body: closed, and the complainant is told", async () => {
  const office = await cookieOf("office_admin");
  const a = await newComplaint();
  let v = (await complaint(office, a.complaint_no)).body;
  assertError(await actOn(office, a.complaint_no, v.version, { action: "reject", reason: " " }), 400, "invalid_parameter");
  v = await step(office, v, { action: "reject", reason: "所反映问题属于民事纠纷，不属于效能投诉受理范围" });
  assert.equal(v.close_reason, "not_accepted");
  assert.match((await trackComplaint(a.complaint_no, a.query_code)).body.reply, /^不予受理：所反映问题属于民事纠纷/);
  const b = await newComplaint();
  v = (await complaint(office, b.complaint_no)).body;
  v = await step(office, v, { action: "transfer_out", body: "县纪委监委", reason: "反映公职人员违纪问题" });
  assert.equal(v.close_reason, "transferred_out");
  assert.equal((await trackComplaint(b.complaint_no, b.query_code)).body.reply, "已转送县纪委监委处理：反映公职人员违纪问题");
  assertError(await actOn(office, b.complaint_no, v.version, { action: "note", text: "x" }), 409, "conflict");
});

test("the whole cycle: assigned, investigated with evidence, held to account, replied, sent back at the call-back, redone, closed", async () => {
  const { receipt, office, view } = await accepted({ mode: "assigned", unit: UNIT.housing });
  assert.equal(view.state, "handling");
  assert.equal(view.unit.id, UNIT.housing);
  assert.ok(view.deadline && view.explanation.some((l) => l.includes("限30个工作日")), JSON.stringify(view.explanation));
  const unit = await cookieOf("zj_window");
  let u = (await complaint(unit, receipt.complaint_no)).body;
  assert.deepEqual(u.actions, ["request_extension", "investigate", "note"]);
  assert.equal(u.complainant, null);
  // Evidence: the application upload rules (bytes decide the type).
  assertError(await uploadEvidence(unit, receipt.complaint_no, u.version, [["说明.txt", Buffer.from("plain text"), "text/plain"]]), 400, "invalid_upload");
  const up = await uploadEvidence(unit, receipt.complaint_no, u.version, [["窗口登记表.jpg", JPEG, "image/jpeg"], ["情况说明.pdf", PDF, "application/pdf"]]);
  assert.equal(up.status, 200, JSON.stringify(up.body));
  assert.equal(up.body.evidence.length, 2);
  const file = await fetch(`${BASE_URL}/api/complaints/${receipt.complaint_no}/evidence/${up.body.evidence[0].id}`, { headers: { Cookie: unit } });
  assert.equal(file.status, 200);
  assert.match(file.headers.get("content-security-policy") ?? "", /sandbox/);
  u = await step(unit, up.body, investigate("partly_true", [UNIT.housing]));
  assert.equal(u.state, "investigated");
  assert.deepEqual(u.investigation.units.map((x) => x.id), [UNIT.housing]);
  assertError(await actOn(unit, receipt.complaint_no, u.version, { action: "conclude", result: "x" }), 403, "forbidden");
  let o = (await complaint(office, receipt.complaint_no)).body;
  assert.deepEqual(o.actions, ["hold", "conclude", "note"]);
  o = await step(office, o, { action: "hold", notice: "fault", sanction: "written_self_criticism", reward: true });
  assert.deepEqual(o.accountability, { notice: "fault", sanction: "written_self_criticism", reward: true });
  o = await step(office, o, { action: "conclude", result: "经查部分属实，已向责任人发出行政效能过失通知单，责令书面检讨，并向您致歉。" });
  assert.equal(o.state, "replied");
  const seen = await trackComplaint(receipt.complaint_no, receipt.query_code);
  assert.equal(seen.body.state, "replied");
  assert.match(seen.body.reply, /已向责任人发出行政效能过失通知单/);
  o = await step(office, o, { action: "callback", result: "redo", note: "认为整改不到位" });
  assert.equal(o.state, "handling");
  assert.equal(o.redone, 1);
  assert.equal(o.result, null);
  assert.equal((await trackComplaint(receipt.complaint_no, receipt.query_code)).body.reply, null, "the old result is withdrawn");
  u = (await complaint(unit, receipt.complaint_no)).body;
  u = await step(unit, u, investigate("true", [UNIT.housing]));
  o = (await complaint(office, receipt.complaint_no)).body;
  o = await step(office, o, { action: "conclude", result: "已重新核查并整改到位。" });
  o = await step(office, o, { action: "callback", result: "satisfied" });
  assert.equal(o.state, "closed");
  assert.equal(o.close_reason, "satisfied");
  const notes = o.events.map((e) => e.note).join("\n");
  for (const word of ["受理", "上传调查证据2件", "调查结论：部分属实", "追责处理", "办结", "回访：不满意", "回访：满意"]) assert.ok(notes.includes(word), word);
  assert.deepEqual(o.actions, []);
});

test("the office handles a complaint itself; a transferred one is the unit's to investigate", async () => {
  const own = await accepted({ mode: "office" });
  assert.deepEqual(own.view.actions, ["request_extension", "investigate", "note"]);
  const o = await step(own.office, own.view, investigate("untrue", [UNIT.market]));
  assert.deepEqual(o.actions, ["conclude", "note"], "no accountability for an untrue finding");
  assertError(await actOn(own.office, o.complaint_no, o.version, { action: "hold", notice: "fault", sanction: null, reward: false }), 409, "conflict");
  const moved = await accepted({ mode: "transferred", unit: UNIT.chengguan });
  assertError(await actOn(moved.office, moved.view.complaint_no, moved.view.version, investigate()), 403, "forbidden");
  const town = await cookieOf("cgz_staff");
  const t = (await complaint(town, moved.view.complaint_no)).body;
  assert.equal(t.mode, "transferred");
  await step(town, t, investigate("true", [UNIT.chengguan]));
});

test("roles: only the office decides; another unit sees nothing; a unit cannot take the office's actions", async () => {
  const r = await newComplaint();
  const unit = await cookieOf("zj_window");
  assertError(await actOn(unit, r.complaint_no, 1, { action: "accept", mode: "office", unit_id: null }), 404, "not_found");
  const { receipt, office, view } = await accepted({ unit: UNIT.housing });
  const other = await cookieOf("scjg_window");
  assertError(await complaint(other, receipt.complaint_no), 404, "not_found");
  const list = (await staffGet(other, "/api/complaints?view=all&limit=100")).body.items;
  assert.ok(!list.some((c) => c.complaint_no === receipt.complaint_no));
  for (const action of [
    { action: "decide_extension", approve: true, reason: "" },
    { action: "conclude", result: "x" },
    { action: "callback", result: "satisfied" },
    { action: "reject", reason: "x" },
  ]) {
    assertError(await actOn(await cookieOf("zj_head"), receipt.complaint_no, view.version, action), 403, "forbidden");
  }
  const intake = await post(unit, "/api/complaints/intake", { ...complaintForm(), channel: "phone" });
  assertError(intake, 403, "forbidden");
  assertError(await staffGet(unit, "/api/complaints/figures"), 403, "forbidden");
  assert.ok(office);
});

test("a transition not allowed now is a 409 with the current state, and writes nothing", async () => {
  const { receipt, office, view } = await accepted({ mode: "office" });
  const res = await actOn(office, receipt.complaint_no, view.version, { action: "conclude", result: "已处理" });
  assertError(res, 409, "conflict");
  assert.equal(res.body.error.current_state, "handling");
  const after = (await complaint(office, receipt.complaint_no)).body;
  assert.equal(after.version, view.version);
  assert.equal(after.events.length, view.events.length);
});

test("a stale write gets 409 and nothing is half-written", async () => {
  const { receipt, office, view } = await accepted({ mode: "office" });
  await step(office, view, { action: "note", text: "已调取窗口监控" });
  const stale = await actOn(office, receipt.complaint_no, view.version, investigate());
  assertError(stale, 409, "conflict");
  const after = (await complaint(office, receipt.complaint_no)).body;
  assert.equal(after.state, "handling");
  assert.equal(after.investigation, null);
  assert.equal(after.version, view.version + 1);
  const subjects = sqlLocalRows(`SELECT count(*) AS n FROM complaint_subject s JOIN complaint c ON c.id = s.complaint_id WHERE c.complaint_no = '${receipt.complaint_no}'`);
  assert.equal(subjects[0].n, 0);
  const evidence = await uploadEvidence(office, receipt.complaint_no, view.version, [["a.jpg", JPEG, "image/jpeg"]]);
  assertError(evidence, 409, "conflict");
  assert.equal((await complaint(office, receipt.complaint_no)).body.evidence.length, 0);
});

test("an extension to 60 working days is asked before expiry; after expiry it is refused with a clear error", async () => {
  const { receipt, office, view } = await accepted({ mode: "assigned", unit: UNIT.housing });
  const unit = await cookieOf("zj_window");
  sqlLocal(`UPDATE complaint SET deadline = '2026-01-05T23:59:59+08:00' WHERE complaint_no = '${receipt.complaint_no}'`);
  let u = (await complaint(unit, receipt.complaint_no)).body;
  assert.ok(!u.actions.includes("request_extension"));
  const late = await actOn(unit, receipt.complaint_no, u.version, { action: "request_extension", reason: "需约谈多名当事人" });
  assertError(late, 409, "conflict");
  assert.match(late.body.error.message, /期限届满前/);
  assert.equal((await complaint(unit, receipt.complaint_no)).body.extension, "none");

  const fresh = await accepted({ mode: "assigned", unit: UNIT.housing });
  u = (await complaint(unit, fresh.receipt.complaint_no)).body;
  assertError(await actOn(office, fresh.receipt.complaint_no, u.version, { action: "request_extension", reason: "x" }), 403, "forbidden");
  u = await step(unit, u, { action: "request_extension", reason: "需约谈多名当事人" });
  assert.equal(u.extension, "pending");
  assertError(await actOn(unit, fresh.receipt.complaint_no, u.version, { action: "request_extension", reason: "再次" }), 409, "conflict");
  const before = u.deadline;
  const o = await step(office, (await complaint(office, fresh.receipt.complaint_no)).body, { action: "decide_extension", approve: true, reason: "" });
  assert.equal(o.extension, "approved");
  assert.ok(o.deadline > before, `${o.deadline} after ${before}`);
  assert.ok(o.explanation.some((l) => l.includes("限60个工作日")), JSON.stringify(o.explanation));
  assert.ok(fresh.view);
});

test("an anonymous complaint is handled but gets no query code and no reply", async () => {
  const res = await submitComplaint(anonymousForm());
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.equal(res.body.query_code, null);
  assert.match(res.body.acknowledgement, /不予答复/);
  const office = await cookieOf("office_admin");
  let v = (await complaint(office, res.body.complaint_no)).body;
  assert.equal(v.anonymous, true);
  assert.equal(v.complainant, null);
  v = await step(office, v, { action: "accept", mode: "office", unit_id: null });
  v = await step(office, v, investigate("true", [UNIT.housing]));
  v = await step(office, v, { action: "conclude", result: "已核实并责令整改。" });
  assert.equal(v.state, "closed", "no reply, so no call-back");
  assert.equal(v.close_reason, "concluded");
  for (const code of ["00000000", "12345678", ""]) assertError(await trackComplaint(res.body.complaint_no, code), 404, "not_found");
});

test("privacy: neither the assigned unit nor the unit complained about sees who complained, in any answer", async () => {
  const { receipt, office, view } = await accepted({ mode: "assigned", unit: UNIT.housing });
  const unit = await cookieOf("zj_head");
  let u = (await complaint(unit, receipt.complaint_no)).body;
  await step(unit, u, investigate("true", [UNIT.housing, UNIT.market]));
  const o = (await complaint(office, receipt.complaint_no)).body;
  assert.deepEqual(o.complainant, WHO, "the office's complaint staff see the identity");
  assert.ok((await staffGet(office, `/api/complaints?q=${receipt.complaint_no}`)).body.items[0].complainant_name === WHO.name);
  const leaks = (text) => [WHO.name, WHO.phone, WHO.id_number, WHO.phone.slice(-4) + "\""].filter((w) => text.includes(w));
  for (const who of ["zj_head", "zj_window", "scjg_window", "scjg_head"]) {
    const cookie = await cookieOf(who);
    const answers = [
      await staffGet(cookie, "/api/complaints?view=all&limit=100"),
      await staffGet(cookie, "/api/complaints?view=closed&limit=100"),
      await staffGet(cookie, `/api/complaints?q=${receipt.complaint_no}`),
      await complaint(cookie, receipt.complaint_no),
      await fetch(`${BASE_URL}/api/complaints/figures.csv`, { headers: { Cookie: cookie } }).then(async (r) => ({ body: await r.text() })),
    ];
    for (const a of answers) assert.deepEqual(leaks(JSON.stringify(a.body)), [], `${who}: ${JSON.stringify(a.body).slice(0, 300)}`);
  }
  // The unit complained about (市场监管局) is named in the record, yet never given the complaint.
  assertError(await complaint(await cookieOf("scjg_head"), receipt.complaint_no), 404, "not_found");
  // The audit trail as stored has no identity either.
  const events = sqlLocalRows(`SELECT e.note, e.actor FROM complaint_event e JOIN complaint c ON c.id = e.complaint_id WHERE c.complaint_no = '${receipt.complaint_no}'`);
  assert.deepEqual(leaks(JSON.stringify(events)), []);
  assert.ok(view);
});

test("figures: received, consultations answered, concluded on time and upheld, per unit, with the sentence and CSV", async () => {
  const office = await cookieOf("office_admin");
  const figures = async () => (await staffGet(office, "/api/complaints/figures")).body;
  const before = await figures();
  const county = (f) => f.rows[0].tally;
  const unitRow = (f, id) => f.rows.find((r) => r.unit_id === id)?.tally ?? {};
  const c = await newComplaint({ kind: "consultation" });
  await step(office, (await complaint(office, c.complaint_no)).body, { action: "answer", text: "请携带身份证到窗口办理。" });
  const { view } = await accepted({ mode: "assigned", unit: UNIT.hekou });
  const town = await cookieOf("hkz_head");
  await step(town, (await complaint(town, view.complaint_no)).body, investigate("true", [UNIT.hekou]));
  await step(office, (await complaint(office, view.complaint_no)).body, { action: "conclude", result: "属实，已整改。" });
  const after = await figures();
  const d = (k) => county(after)[k] - county(before)[k];
  assert.deepEqual([d("received"), d("consultations"), d("answered"), d("accepted"), d("upheld"), d("concluded"), d("concluded_on_time")], [2, 1, 1, 1, 1, 1, 1]);
  const u = (f, k) => unitRow(f, UNIT.hekou)[k] ?? 0;
  assert.deepEqual([u(after, "assigned") - u(before, "assigned"), u(after, "upheld") - u(before, "upheld"), u(after, "concluded_on_time") - u(before, "concluded_on_time")], [1, 1, 1]);
  assert.match(after.summary, /共受理效能投诉和咨询\d+件，其中咨询\d+件、已答复\d+件/);
  assert.ok(after.rows[0].rates.every((r) => typeof r.formula === "string" && r.formula.includes("÷")));
  const csv = await fetch(`${BASE_URL}/api/complaints/figures.csv`, { headers: { Cookie: office } });
  assert.equal(csv.status, 200);
  const text = await csv.text();
  assert.ok(text.split("\n")[0].includes("按时办结率（%）"));
  assert.ok(text.includes("河口镇"));
  assert.ok(!text.includes(WHO.name) && !text.includes(WHO.phone));
});

test("the office takes in a call, a letter or a visit, with the same key rule", async () => {
  const office = await cookieOf("office_admin");
  const key = randomUUID();
  const send = () =>
    fetch(`${BASE_URL}/api/complaints/intake`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: office, "Idempotency-Key": key },
      body: JSON.stringify({ ...complaintForm(), channel: "visit" }),
    }).then(async (r) => ({ status: r.status, body: await r.json() }));
  const a = await send();
  assert.equal(a.status, 201, JSON.stringify(a.body));
  assert.deepEqual((await send()).body, a.body);
  const v = (await complaint(office, a.body.complaint_no)).body;
  assert.equal(v.channel, "visit");
  assert.equal(v.events[0].actor, "周明");
});
