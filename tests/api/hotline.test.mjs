// The county head's hotline over HTTP: intake by the public and the office,
// dispositions, every unit and office action, privacy, concurrency, the
// daily job's notices and the figures (DOMAIN.md §3).
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { BASE_URL, assertError, passedUntilLimited, rowsRead } from "../support/http.mjs";
import { sqlLocal, staffGet } from "../support/cases.mjs";
import { post } from "../support/admin.mjs";
import {
  CATEGORY, UNIT, actOn, callerForm, cookieOf, dispatched, disposeTicket, newTicket, submitTicket, ticket, trackTicket,
} from "../support/hotline.mjs";

test("a caller's web message gets a number and code at once; a retry stores it once", async () => {
  const key = randomUUID();
  const first = await submitTicket(callerForm(), { key });
  assert.equal(first.status, 201, JSON.stringify(first.body));
  assert.match(first.body.ticket_no, /^RX\d{16}$/);
  assert.match(first.body.query_code, /^\d{8}$/);
  assert.match(first.body.received_at, /\+08:00$/);
  assert.ok(first.body.acknowledgement.includes(first.body.ticket_no));
  const again = await submitTicket(callerForm(), { key });
  assert.equal(again.status, 201);
  assert.deepEqual(again.body, first.body, "the same receipt, not a second ticket");
  assertError(await submitTicket(callerForm({ cause: "另一件事" }), { key }), 422, "idempotency_mismatch");
  const office = await cookieOf("office_admin");
  const found = (await staffGet(office, `/api/hotline/tickets?q=13912345678&limit=100`)).body.items;
  assert.equal(found.filter((t) => t.ticket_no === first.body.ticket_no).length, 1);
});

test("a message without a contact or the five elements is refused field by field, and nothing is stored", async () => {
  const res = await submitTicket({ kind: "complaint", caller_name: "", caller_phone: "12", address: "", occurred: "", cause: "", course: "" });
  assertError(res, 422, "invalid_application");
  const fields = res.body.error.fields.map((f) => f.field);
  for (const f of ["caller_name", "caller_phone", "address", "occurred", "cause", "course"]) assert.ok(fields.includes(f), f);
  const noKey = await fetch(`${BASE_URL}/api/hotline/tickets`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(callerForm()) });
  assert.equal(noKey.status, 400);
});

test("the caller's look-up reads at most 5 rows and shows no name or phone; a wrong code is an unknown ticket", async () => {
  const r = await newTicket();
  const res = await trackTicket(r.ticket_no, r.query_code);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.state, "received");
  assert.ok(rowsRead(res) <= 5, `rows read: ${rowsRead(res)}`);
  const text = JSON.stringify(res.body);
  assert.ok(!text.includes("13912345678") && !text.includes("王先生"));
  assertError(await trackTicket(r.ticket_no, "00000000"), 404, "not_found");
  assertError(await trackTicket("RX2026", r.query_code), 404, "not_found");
});

test("one ticket's code cannot be guessed from many addresses: 20 look-ups a minute per number", async () => {
  const r = await newTicket();
  // Each try comes from another address, yet the number is limited.
  const passed = await passedUntilLimited(20, async (i) => (await trackTicket(r.ticket_no, String(10000000 + i))).status);
  assert.ok(passed >= 20 && passed <= 40, `${passed} wrong codes let through before the limit`);
});

test("the whole cycle: dispatch, sign, a refused return, reply, a dissatisfied call-back, reopening, closing", async () => {
  const { receipt, office, view } = await dispatched();
  assert.equal(view.state, "dispatched");
  assert.match(view.deadline, /\+08:00$/);
  const unit = await cookieOf("zj_window");
  const head = await cookieOf("zj_head");
  let t = (await ticket(unit, receipt.ticket_no)).body;
  assert.equal(t.caller.masked, true, "member units see the caller masked");
  assert.equal(t.caller.phone, "139****5678");
  assert.ok(t.actions.includes("sign"));
  t = (await actOn(unit, receipt.ticket_no, t.version, { action: "sign" })).body;
  assert.equal(t.state, "in_progress");
  const deadline = t.deadline;
  assertError(await actOn(unit, receipt.ticket_no, t.version, { action: "request_return", reason: " " }), 400, "invalid_parameter");
  t = (await actOn(unit, receipt.ticket_no, t.version, { action: "request_return", reason: "属于供水公司职责" })).body;
  assert.equal(t.parts[0].state, "return_requested");
  let o = (await ticket(office, receipt.ticket_no)).body;
  assertError(await actOn(office, receipt.ticket_no, o.version, { action: "review_return", unit_id: UNIT.housing, accept: false, reason: "" }), 400, "invalid_parameter");
  o = (await actOn(office, receipt.ticket_no, o.version, { action: "review_return", unit_id: UNIT.housing, accept: false, reassign_to: null, reason: "供水监管属住建局职责" })).body;
  assert.equal(o.parts[0].state, "signed");
  assert.equal(o.deadline, deadline, "a rejected return keeps the deadline");
  t = (await ticket(unit, receipt.ticket_no)).body;
  assert.match(t.parts[0].return_decision, /驳回退单：供水监管属住建局职责/);
  const reply = { action: "reply", text: "已协调恢复供水", policy: "《城市供水条例》第二十二条", signed_off_by: "李副局长" };
  assertError(await actOn(unit, receipt.ticket_no, t.version, reply), 403, "forbidden");
  assertError(await actOn(head, receipt.ticket_no, t.version, { ...reply, signed_off_by: "" }), 400, "invalid_parameter");
  t = (await actOn(head, receipt.ticket_no, t.version, reply)).body;
  assert.equal(t.state, "replied");
  o = (await actOn(office, receipt.ticket_no, t.version, { action: "review_reply", accept: true, reason: "" })).body;
  assert.equal(o.state, "callback");
  let pub = (await trackTicket(receipt.ticket_no, receipt.query_code)).body;
  assert.equal(pub.reply, "已协调恢复供水");
  o = (await actOn(office, receipt.ticket_no, o.version, { action: "callback", result: "dissatisfied", note: "仍有停水" })).body;
  assert.equal(o.state, "in_progress");
  assert.equal(o.reopened, 1);
  t = (await actOn(head, receipt.ticket_no, o.version, { ...reply, text: "已更换破损管道，供水恢复正常" })).body;
  o = (await actOn(office, receipt.ticket_no, t.version, { action: "review_reply", accept: true, reason: "" })).body;
  o = (await actOn(office, receipt.ticket_no, o.version, { action: "callback", result: "satisfied", note: "" })).body;
  assert.equal(o.state, "closed");
  assert.equal(o.close_reason, "satisfied");
  pub = (await trackTicket(receipt.ticket_no, receipt.query_code)).body;
  assert.equal(pub.state, "closed");
  assert.ok(pub.timeline.some((n) => n.note.includes("重新办理")), JSON.stringify(pub.timeline));
  assert.equal(pub.can_rate, true);
  const rated = await post("", `/api/hotline/track/${receipt.ticket_no}/rating`, { code: receipt.query_code, rating: "satisfied", comment: "" });
  assert.equal(rated.status, 200, JSON.stringify(rated.body));
  assert.equal(rated.body.rating, "satisfied");
  assertError(await post("", `/api/hotline/track/${receipt.ticket_no}/rating`, { code: receipt.query_code, rating: "satisfied", comment: "" }), 409, "conflict");
  const events = (await ticket(office, receipt.ticket_no)).body.events;
  assert.ok(events.length >= 10, "every step is in the audit trail");
});

test("two units acting on one ticket at once: exactly one wins", async () => {
  const { receipt } = await dispatched({ category: CATEGORY.village, lead: UNIT.chengguan, assists: [UNIT.hekou] });
  const lead = await cookieOf("cgz_staff");
  const assist = await cookieOf("hkz_head");
  const version = (await ticket(lead, receipt.ticket_no)).body.version;
  const results = await Promise.all([
    actOn(lead, receipt.ticket_no, version, { action: "sign" }),
    actOn(assist, receipt.ticket_no, version, { action: "sign" }),
  ]);
  assert.deepEqual(results.map((r) => r.status).sort(), [200, 409], JSON.stringify(results.map((r) => r.body)));
});

test("dispatch is refused to a deactivated unit and a county matter to a township; nothing is written", async () => {
  const r = await newTicket();
  const office = await cookieOf("office_admin");
  const v = (await ticket(office, r.ticket_no)).body.version;
  const base = { disposition: "dispatch", category_id: CATEGORY.water, urgency: "normal", assist_unit_ids: [], instruction: "" };
  assertError(await disposeTicket(office, r.ticket_no, v, { ...base, lead_unit_id: UNIT.chengguan }), 400, "invalid_parameter");
  assertError(await disposeTicket(office, r.ticket_no, v, { ...base, lead_unit_id: 9999 }), 400, "invalid_parameter");
  assertError(await disposeTicket(office, r.ticket_no, v + 1, { ...base, lead_unit_id: UNIT.housing }), 409, "conflict");
  const after = (await ticket(office, r.ticket_no)).body;
  assert.equal(after.state, "received");
  assert.equal(after.version, v);
});

test("an extension is asked before expiry only, and the caller is told the new limit", async () => {
  const { receipt, office } = await dispatched({ category: CATEGORY.noise, lead: UNIT.environment });
  const late = await dispatched();
  const unit = await cookieOf("zj_window");
  let t = (await ticket(unit, late.receipt.ticket_no)).body;
  t = (await actOn(unit, late.receipt.ticket_no, t.version, { action: "sign" })).body;
  sqlLocal(`UPDATE hotline_ticket SET deadline = '2026-01-05T23:59:59+08:00' WHERE ticket_no = '${late.receipt.ticket_no}'`);
  assertError(await actOn(unit, late.receipt.ticket_no, t.version, { action: "request_extension", amount: 2, reason: "需要协调" }), 409, "conflict");
  // The noise ticket's unit has no demo account: the office acts, and is refused (units ask).
  let o = (await ticket(office, receipt.ticket_no)).body;
  assertError(await actOn(office, receipt.ticket_no, o.version, { action: "request_extension", amount: 2, reason: "x" }), 403, "forbidden");
  const fresh = await dispatched();
  t = (await ticket(unit, fresh.receipt.ticket_no)).body;
  t = (await actOn(unit, fresh.receipt.ticket_no, t.version, { action: "sign" })).body;
  t = (await actOn(unit, fresh.receipt.ticket_no, t.version, { action: "request_extension", amount: 12, reason: "需更换主管道" })).body;
  assert.equal(t.extension, "pending");
  o = (await actOn(office, fresh.receipt.ticket_no, t.version, { action: "decide_extension", approve: true, reason: "" })).body;
  assert.equal(o.extension, "approved");
  assert.deepEqual(o.limit, { hours: 36 });
  const pub = (await trackTicket(fresh.receipt.ticket_no, fresh.receipt.query_code)).body;
  assert.ok(pub.timeline.some((n) => n.note.includes("新的答复时限")));
});

test("who sees what: other units get 404, units cannot use office endpoints, confidential tickets skip assisting units", async () => {
  const { receipt } = await dispatched({ category: CATEGORY.village, lead: UNIT.chengguan, assists: [UNIT.hekou], form: { confidential: true } });
  assert.equal((await ticket(await cookieOf("zj_window"), receipt.ticket_no)).status, 404);
  assert.equal((await ticket(await cookieOf("hkz_head"), receipt.ticket_no)).status, 404, "an assisting unit never sees a confidential ticket");
  const lead = await cookieOf("cgz_head");
  assert.equal((await ticket(lead, receipt.ticket_no)).status, 200);
  assertError(await post(lead, "/api/hotline/intake", {}), 403, "forbidden");
  assert.equal((await staffGet(lead, "/api/hotline/figures")).status, 403);
  assert.equal((await staffGet(lead, "/api/hotline/api-keys")).status, 403);
  assert.equal((await staffGet("", "/api/hotline/tickets")).status, 401);
  const inbox = (await staffGet(lead, "/api/hotline/tickets")).body.items;
  assert.ok(inbox.some((t) => t.ticket_no === receipt.ticket_no));
  const hk = (await staffGet(await cookieOf("hkz_head"), "/api/hotline/tickets?limit=100")).body.items;
  assert.ok(!hk.some((t) => t.ticket_no === receipt.ticket_no));
});

test("answered from the knowledge base, redirected, merged (the caller kept), escalated then dispatched", async () => {
  const office = await cookieOf("office_admin");
  const a = await newTicket({ kind: "consultation", cause: "医保异地就医如何备案" });
  let v = (await ticket(office, a.ticket_no)).body.version;
  const item = (await staffGet(office, `/api/hotline/knowledge?q=${encodeURIComponent("异地就医")}`)).body.items[0];
  let res = await disposeTicket(office, a.ticket_no, v, { disposition: "answer", knowledge_id: item.id, answer: item.answer });
  assert.equal(res.body.close_reason, "answered");
  const after = (await staffGet(office, `/api/hotline/knowledge?q=${encodeURIComponent("异地就医")}`)).body.items[0];
  assert.equal(after.uses, item.uses + 1);
  const b = await newTicket();
  v = (await ticket(office, b.ticket_no)).body.version;
  res = await disposeTicket(office, b.ticket_no, v, { disposition: "redirect", to: "110", explanation: "已转接110" });
  assert.equal(res.body.close_reason, "redirected");
  const { receipt: open } = await dispatched();
  const c = await newTicket({ caller_name: "李女士", caller_phone: "13700001111" });
  v = (await ticket(office, c.ticket_no)).body.version;
  res = await disposeTicket(office, c.ticket_no, v, { disposition: "merge", into: open.ticket_no });
  assert.equal(res.body.merged_into, open.ticket_no);
  const merged = (await ticket(office, open.ticket_no)).body;
  assert.ok(merged.other_callers.some((k) => k.phone === "13700001111"));
  const d = await newTicket();
  v = (await ticket(office, d.ticket_no)).body.version;
  res = await disposeTicket(office, d.ticket_no, v, { disposition: "escalate", leader: "张县长", note: "涉及多部门" });
  assert.equal(res.body.state, "escalated");
  assert.ok(res.body.actions.includes("dispose"));
  res = await disposeTicket(office, d.ticket_no, res.body.version, { disposition: "dispatch", category_id: CATEGORY.water, urgency: "critical", lead_unit_id: UNIT.housing, assist_unit_ids: [], instruction: "张县长批示：从速处理" });
  assert.equal(res.body.state, "dispatched");
  assert.deepEqual(res.body.limit, { hours: 2 });
});

test("the daily job reminds and chases once a day, and two notices put the unit in the bulletin", async () => {
  const { receipt, office } = await dispatched();
  sqlLocal(`UPDATE hotline_ticket SET deadline = '2026-01-05T10:00:00+08:00' WHERE ticket_no = '${receipt.ticket_no}';
            INSERT INTO hotline_notice (ticket_id, day, unit_id, kind) SELECT id, '2026-01-06', ${UNIT.housing}, 'notice' FROM hotline_ticket WHERE ticket_no = '${receipt.ticket_no}';`);
  const run = () => fetch(`${BASE_URL}/cdn-cgi/handler/scheduled?cron=0+17+*+*+*`);
  assert.equal((await run()).status, 200);
  const first = (await ticket(office, receipt.ticket_no)).body;
  await run();
  const second = (await ticket(office, receipt.ticket_no)).body;
  const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay();
  if (weekday !== 0 && weekday !== 6) {
    assert.equal(first.notices, 1, "one notice today (the earlier one was set up without the counter)");
    assert.equal(second.events.filter((e) => e.note.startsWith("催办通知")).length, 1, "never twice a day");
    const bulletin = (await staffGet(office, `/api/hotline/bulletin?from=2026-01-01&to=${today}`)).body;
    assert.ok(bulletin.entries.some((e) => e.unit_id === UNIT.housing && e.tickets.includes(receipt.ticket_no)), JSON.stringify(bulletin));
  }
  assert.deepEqual(second.events, first.events, "a second run the same day changes nothing");
});

test("figures: every rate with its formula, the report's sentence, CSV without callers' numbers, flat rows read", async () => {
  const office = await cookieOf("office_admin");
  const res = await staffGet(office, "/api/hotline/figures?from=2025-11-01&to=2026-11-30");
  assert.equal(res.status, 200);
  const county = res.body.rows[0];
  assert.equal(county.label, "全县");
  assert.ok(county.tally.received >= 300);
  assert.ok(county.rates.every((r) => r.formula.includes("÷")));
  assert.match(res.body.summary, /共受理群众诉求\d+件/);
  assert.ok(rowsRead(res) < 2000, `rows read: ${rowsRead(res)}`);
  const csv = await fetch(`${BASE_URL}/api/hotline/figures.csv?from=2025-11-01&to=2026-11-30`, { headers: { Cookie: office } });
  assert.equal(csv.status, 200);
  const text = await csv.text();
  assert.ok(text.startsWith("单位,"));
  assert.ok(!/1[3-9]\d{9}/.test(text), "no phone numbers in the export");
  assertError(await staffGet(office, "/api/hotline/figures?from=2026-13-01"), 400, "invalid_date");
  const spots = (await staffGet(office, "/api/hotline/hotspots")).body;
  assert.equal(spots.min_tickets, 3);
});

test("the dispatch catalogue and knowledge base: office edits with versions; API keys shown once, stored hashed, revoked", async () => {
  const office = await cookieOf("office_admin");
  const code = `t${Date.now() % 1e8}`;
  const form = { code, name: "测试类别", group: "测试", county_matter: true, lead_unit_id: UNIT.housing, assist_unit_ids: [], limits: { normal: { working_days: 3 }, urgent: { working_days: 0 }, critical: { hours: 2 } } };
  const made = await post(office, "/api/hotline/categories", { ...form, active: true, version: 0 });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  assertError(await post(office, "/api/hotline/categories", { ...form, active: true, version: 0 }), 409, "conflict");
  assertError(await post(office, "/api/hotline/categories", { ...form, code: `${code}x`, lead_unit_id: UNIT.chengguan, active: true, version: 0 }), 400, "invalid_parameter");
  const saved = await post(office, `/api/hotline/categories/${made.body.id}`, { ...form, name: "测试类别二", active: true, version: made.body.version });
  assert.equal(saved.status, 200);
  assertError(await post(office, `/api/hotline/categories/${made.body.id}`, { ...form, active: true, version: made.body.version }), 409, "conflict");
  const item = await post(office, "/api/hotline/knowledge", { category_id: null, title: "测试口径", answer: "测试答复", policy_refs: "", active: true, version: 0 });
  assert.equal(item.status, 201);
  const key = await post(office, "/api/hotline/api-keys", { partner: "测试伙伴" });
  assert.equal(key.status, 201);
  assert.match(key.body.key, /^[0-9a-f]{64}$/);
  const list = (await staffGet(office, "/api/hotline/api-keys")).body.items;
  assert.ok(!JSON.stringify(list).includes(key.body.key), "the key is never shown again");
  const revoked = await post(office, `/api/hotline/api-keys/${key.body.id}/revoke`, {});
  assert.equal(revoked.status, 200);
  assert.ok(revoked.body.items.find((k) => k.id === key.body.id).revoked_at);
});
