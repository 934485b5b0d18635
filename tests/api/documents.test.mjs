// Document transmission over HTTP (DOMAIN.md §4): an outgoing document only
// from an approved, numbered request; the 非涉密 statement; groups expanded
// at send; each recipient's states and who may do what; recall, chase and
// the urgent flag; stale writes; the hash chain and its check, which finds
// a receipt edited in the database; figures and CSV.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertError } from "../support/http.mjs";
import { PDF, cookieOf, sqlLocal, sqlLocalRows, staffGet } from "../support/cases.mjs";
import { post } from "../support/admin.mjs";
import { GROUP, UNIT, actOn, getDoc, issuedRequest, myCopy, outgoing, sentDoc, step, upload } from "../support/documents.mjs";

const office = await cookieOf("office_admin");
const cgz = await cookieOf("cgz_head");
const hkz = await cookieOf("hkz_head");
const zj = await cookieOf("zj_window");
const scjg = await cookieOf("scjg_window");

test("an outgoing document needs an approved, numbered request, a signer, a main recipient and the 非涉密 statement", async () => {
  const pending = await post(office, "/api/office/documents", {
    subject: "待审核的发文", proposed_level: "county_office", drafting_departments: [1], within_one_department: false,
    needs_government_authority: true, nature: "correspondence", length_chars: 500,
  });
  assertError(await post(office, "/api/documents", outgoing(pending.body.id)), 409, "conflict");
  const request = await issuedRequest(office);
  const unstated = await post(office, "/api/documents", outgoing(request.id, { not_classified: false }));
  assertError(unstated, 400, "invalid_parameter");
  assert.match(unstated.body.error.message, /非涉密/);
  assertError(await post(office, "/api/documents", outgoing(request.id, { main_groups: [], main_units: [] })), 400, "invalid_parameter");
  assertError(await post(zj, "/api/documents", outgoing(request.id)), 403, "forbidden");
  const made = await post(office, "/api/documents", outgoing(request.id));
  assert.equal(made.status, 201, JSON.stringify(made.body));
  assert.equal(made.body.number, request.number, "the number is the request's, from the per-level, per-year sequence");
  assert.equal(made.body.state, "draft");
  assertError(await post(office, "/api/documents", outgoing(request.id)), 409, "conflict");
  // Sending needs the body; a JPEG is not a body.
  assertError(await actOn(office, made.body.doc_key, made.body.version, { action: "send" }), 400, "invalid_parameter");
  const jpeg = await upload(office, made.body.doc_key, { bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]), name: "a.jpg" });
  assertError(jpeg, 400, "invalid_upload");
  assert.equal(sqlLocalRows(`SELECT count(*) AS n FROM doc_recipient r JOIN doc_outgoing d ON d.id = r.doc_id WHERE d.doc_key = '${made.body.doc_key}'`)[0].n, 0);
});

test("sending expands groups to units; each unit sees only its own copy; other units get 404", async () => {
  const doc = await sentDoc(office);
  assert.equal(doc.state, "sent");
  const units = doc.recipients.map((r) => r.unit_id).sort((a, b) => a - b);
  assert.deepEqual(units, [UNIT.housing, 12, 13, 14, 15], "the townships' group and 住建局 as copy");
  assert.equal(doc.recipients.find((r) => r.unit_id === UNIT.housing).role, "copy");
  assert.ok(doc.recipients.every((r) => r.state === "delivered" && r.due_at), "delivered, with the 特急 limit");
  assert.equal(doc.counts.recipients, 5);
  const mine = await myCopy(cgz, doc.doc_key);
  assert.equal(mine.unit_id, UNIT.chengguan);
  assertError(await getDoc(scjg, doc.doc_key), 404, "not_found");
  assertError(await actOn(scjg, doc.doc_key, 1, { action: "sign" }), 404, "not_found");
  const list = await staffGet(cgz, "/api/documents");
  assert.ok(list.body.items.some((i) => i.doc_key === doc.doc_key && i.mine === "delivered"), "in the unit's inbox");
  const body = doc.files.find((f) => f.kind === "body");
  const file = await staffGet(cgz, `/api/documents/${doc.doc_key}/files/${body.id}`);
  assert.equal(file.status, 200);
  assert.deepEqual(file.body, PDF);
  assert.equal((await staffGet(scjg, `/api/documents/${doc.doc_key}/files/${body.id}`)).status, 404);
});

test("a unit opens, signs for and handles its copy; a second sign-for, a stale write and a recall after sign-for are refused", async () => {
  const doc = await sentDoc(office);
  let copy = await myCopy(cgz, doc.doc_key);
  assertError(await actOn(cgz, doc.doc_key, copy.version, { action: "send" }), 403, "forbidden");
  assertError(await actOn(cgz, doc.doc_key, copy.version, { action: "handle", note: "已落实" }), 409, "conflict");
  let view = await step(cgz, doc.doc_key, copy.version, { action: "open" });
  copy = view.recipients[0];
  assert.equal(copy.state, "opened");
  assert.equal(copy.opened_by, "刘芳");
  // The version read before the open is stale now.
  assertError(await actOn(cgz, doc.doc_key, copy.version - 1, { action: "sign" }), 409, "conflict");
  view = await step(cgz, doc.doc_key, copy.version, { action: "sign" });
  copy = view.recipients[0];
  assert.equal(copy.state, "signed");
  assert.equal(copy.signed_by, "刘芳");
  assert.match(copy.signed_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/, "the exact time");
  const again = await actOn(cgz, doc.doc_key, copy.version, { action: "sign" });
  assertError(again, 409, "conflict");
  assert.match(again.body.error.message, /不能重复签收/);
  const sender = (await getDoc(office, doc.doc_key)).body;
  const recall = await actOn(office, doc.doc_key, copy.version, { action: "recall", unit_id: UNIT.chengguan });
  assertError(recall, 409, "conflict");
  assert.match(recall.body.error.message, /已签收，不能撤回/);
  assert.equal((await getDoc(office, doc.doc_key)).body.counts.signed, 1, "nothing half-written");
  assert.equal(sender.counts.signed, 1);
  view = await step(cgz, doc.doc_key, copy.version, { action: "handle", note: "已按要求部署" });
  assert.equal(view.recipients[0].state, "handled");
});

test("a unit returns its copy with reasons; the office recalls one unit, then every unsigned one, and chases", async () => {
  const doc = await sentDoc(office);
  const hk = await myCopy(hkz, doc.doc_key);
  assertError(await actOn(hkz, doc.doc_key, hk.version, { action: "return", reason: " " }), 400, "invalid_parameter");
  const returned = await step(hkz, doc.doc_key, hk.version, { action: "return", reason: "主送单位有误，本镇不承担此项工作" });
  assert.equal(returned.recipients[0].state, "returned");
  assertError(await actOn(hkz, doc.doc_key, returned.recipients[0].version, { action: "sign" }), 409, "conflict");
  let sender = (await getDoc(office, doc.doc_key)).body;
  assertError(await actOn(office, doc.doc_key, sender.version, { action: "sign" }), 403, "forbidden");
  const zjCopy = sender.recipients.find((r) => r.unit_id === UNIT.housing);
  sender = await step(office, doc.doc_key, zjCopy.version, { action: "recall", unit_id: UNIT.housing });
  assert.equal(sender.recipients.find((r) => r.unit_id === UNIT.housing).state, "recalled");
  const zjView = (await getDoc(zj, doc.doc_key)).body;
  assert.equal(zjView.recipients[0].state, "recalled", "the unit sees its copy was recalled");
  assertError(await actOn(zj, doc.doc_key, zjView.recipients[0].version, { action: "sign" }), 409, "conflict");
  const body = zjView.files.find((f) => f.kind === "body");
  assert.equal((await staffGet(zj, `/api/documents/${doc.doc_key}/files/${body.id}`)).status, 404, "a recalled copy's files are gone");
  sender = await step(office, doc.doc_key, sender.version, { action: "chase" });
  const chased = sender.recipients.filter((r) => r.chased === 1).map((r) => r.unit_id).sort((a, b) => a - b);
  assert.deepEqual(chased, [12, 14, 15], "only the units still to sign are chased");
  assertError(await actOn(office, doc.doc_key, sender.version - 1, { action: "chase" }), 409, "conflict");
  sender = await step(office, doc.doc_key, sender.version, { action: "recall" });
  assert.deepEqual(sender.counts, { recipients: 5, opened: 0, signed: 0, returned: 1, recalled: 4 });
  assertError(await actOn(office, doc.doc_key, sender.version, { action: "recall" }), 409, "conflict");
});

test("an urgent copy unsigned past its limit is flagged; the office sets the limits", async () => {
  assertError(await post(zj, "/api/documents/limits", { extra_urgent_hours: 3, urgent_days: 1 }), 403, "forbidden");
  assertError(await post(office, "/api/documents/limits", { extra_urgent_hours: 0, urgent_days: 1 }), 400, "invalid_parameter");
  const saved = await post(office, "/api/documents/limits", { extra_urgent_hours: 2, urgent_days: 1 });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  const doc = await sentDoc(office, { urgency: "urgent" });
  sqlLocal(`UPDATE doc_recipient SET due_at = '2020-01-01T09:00:00+08:00' WHERE doc_id = (SELECT id FROM doc_outgoing WHERE doc_key = '${doc.doc_key}')`);
  sqlLocal(`UPDATE doc_outgoing SET due_at = '2020-01-01T09:00:00+08:00' WHERE doc_key = '${doc.doc_key}'`);
  const sender = (await getDoc(office, doc.doc_key)).body;
  assert.ok(sender.recipients.every((r) => r.overdue), "every unsigned copy flagged");
  const row = (await staffGet(office, "/api/documents")).body.items.find((i) => i.doc_key === doc.doc_key);
  assert.equal(row.overdue, true);
  const copy = await myCopy(cgz, doc.doc_key);
  const signed = await step(cgz, doc.doc_key, copy.version, { action: "sign" });
  assert.equal(signed.recipients[0].overdue, false, "signed: no longer flagged");
});

test("the receipt chain verifies, and an edited receipt is found", async () => {
  const doc = await sentDoc(office);
  const copy = await myCopy(cgz, doc.doc_key);
  await step(cgz, doc.doc_key, copy.version, { action: "sign" });
  const chain = await staffGet(office, `/api/documents/${doc.doc_key}/receipts`);
  assert.equal(chain.status, 200);
  assert.equal(chain.body.receipts.length, 6, "5 delivered, 1 signed");
  assert.deepEqual(chain.body.receipts.map((r) => r.seq), [1, 2, 3, 4, 5, 6]);
  assert.equal(chain.body.receipts[5].prev_hash, chain.body.receipts[4].hash);
  assert.match(chain.body.receipts[5].hash, /^[0-9a-f]{64}$/);
  assert.equal(chain.body.check.ok, true);
  assert.equal((await staffGet(cgz, `/api/documents/${doc.doc_key}/verify`)).status, 403);
  let check = (await staffGet(office, `/api/documents/${doc.doc_key}/verify`)).body;
  assert.deepEqual([check.ok, check.checked], [true, 6]);
  // Someone with the database edits the sign-for time (around the append-only trigger).
  const id = `(SELECT id FROM doc_outgoing WHERE doc_key = '${doc.doc_key}')`;
  sqlLocal(`DROP TRIGGER doc_receipt_append_only_update; UPDATE doc_receipt SET at = '2020-01-01T08:00:00+08:00' WHERE doc_id = ${id} AND seq = 6;
    CREATE TRIGGER doc_receipt_append_only_update BEFORE UPDATE ON doc_receipt BEGIN SELECT RAISE(ABORT, 'doc_receipt is append-only'); END;`);
  check = (await staffGet(office, `/api/documents/${doc.doc_key}/verify`)).body;
  assert.equal(check.ok, false);
  assert.equal(check.broken_at, 6);
  assert.match(check.message, /第6条回执/);
});

test("figures count documents by level, sign-fors with their times, returns and recalls; CSV; office only", async () => {
  const before = (await staffGet(office, "/api/documents/figures")).body;
  const doc = await sentDoc(office, { main_groups: [], main_units: [UNIT.chengguan], copy_units: [] });
  const copy = await myCopy(cgz, doc.doc_key);
  await step(cgz, doc.doc_key, copy.version, { action: "sign" });
  const after = (await staffGet(office, "/api/documents/figures")).body;
  const county = (f) => f.rows[0].tally;
  assert.equal(county(after).sent - county(before).sent, 1);
  assert.equal(county(after).sent_county_office - county(before).sent_county_office, 1);
  assert.equal(county(after).signed - county(before).signed, 1);
  assert.equal(county(after).m15 - county(before).m15, 1, "signed within 15 minutes");
  assert.match(after.summary, /通过电子公文传输系统发文\d+件/);
  assert.match(after.summary, /签收率/);
  assert.ok(after.rows.some((r) => r.unit_id === UNIT.chengguan));
  const csv = await staffGet(office, "/api/documents/figures.csv");
  assert.equal(csv.status, 200);
  assert.match(csv.body.toString(), /签收率/);
  assertError(await staffGet(zj, "/api/documents/figures"), 403, "forbidden");
});

test("a signed copy is registered as incoming, instructed, circulated, read or taken back, and given to a lead office", async () => {
  const doc = await sentDoc(office, { main_groups: [], main_units: [UNIT.chengguan], copy_units: [] });
  let copy = await myCopy(cgz, doc.doc_key);
  assertError(await actOn(cgz, doc.doc_key, copy.version, { action: "register", proposal: "请镇长阅示" }), 409, "conflict");
  copy = (await step(cgz, doc.doc_key, copy.version, { action: "sign" })).recipients[0];
  assertError(await actOn(cgz, doc.doc_key, copy.version, { action: "instruct", instruction: "同意" }), 409, "conflict");
  assertError(await actOn(office, doc.doc_key, copy.version, { action: "register", proposal: "x" }), 403, "forbidden");
  let view = await step(cgz, doc.doc_key, copy.version, { action: "register", proposal: "请镇长阅示，拟由党政办承办" });
  assert.match(view.incoming.receive_no, /^收〔\d{4}〕\d+号$/);
  assert.equal(view.incoming.whereabouts, "在收文登记处");
  assert.equal(view.recipients[0].receive_no, view.incoming.receive_no);
  const staffSide = await cookieOf("cgz_staff");
  assertError(await actOn(staffSide, doc.doc_key, view.recipients[0].version, { action: "instruct", instruction: "同意" }), 403, "forbidden");
  view = await step(cgz, doc.doc_key, view.recipients[0].version, { action: "instruct", instruction: "同意，请党政办抓好落实" });
  assert.equal(view.incoming.instructed_by, "刘芳");
  const colleagues = (await staffGet(cgz, "/api/staff/colleagues")).body;
  const ma = colleagues.find((c) => c.name === "马涛");
  assertError(await actOn(cgz, doc.doc_key, view.recipients[0].version, { action: "circulate", staff_ids: [9999] }), 400, "invalid_parameter");
  view = await step(cgz, doc.doc_key, view.recipients[0].version, { action: "circulate", staff_ids: [ma.id] });
  assert.equal(view.incoming.whereabouts, "传阅中：在马涛处");
  // The reader reads it; the document's whereabouts follow.
  let mine = (await staffGet(staffSide, `/api/documents/${doc.doc_key}`)).body;
  assertError(await actOn(cgz, doc.doc_key, mine.recipients[0].version, { action: "read" }), 409, "conflict");
  mine = await step(staffSide, doc.doc_key, mine.recipients[0].version, { action: "read" });
  assert.ok(mine.incoming.circulation[0].read_at);
  assert.equal(mine.incoming.whereabouts, "在收文登记处");
  view = await step(cgz, doc.doc_key, mine.recipients[0].version, { action: "circulate", staff_ids: [ma.id] });
  view = await step(cgz, doc.doc_key, view.recipients[0].version, { action: "recall_circulation" });
  assert.ok(view.incoming.circulation[1].recalled_at, "the unread copy taken back");
  assertError(await actOn(cgz, doc.doc_key, view.recipients[0].version, { action: "recall_circulation" }), 409, "conflict");
  view = await step(cgz, doc.doc_key, view.recipients[0].version, { action: "assign", lead: "党政办", due: "2026-12-31" });
  assert.equal(view.incoming.whereabouts, "在承办处：党政办");
  assert.equal(view.incoming.lead_due, "2026-12-31");
  // The sender's receipt chain is the transmission's only: still intact.
  assert.equal((await staffGet(office, `/api/documents/${doc.doc_key}/verify`)).body.ok, true);
  const figures = (await staffGet(office, "/api/documents/figures")).body;
  assert.ok(figures.rows[0].tally.circulated >= 1);
  assert.match(figures.summary, /内部传阅\d+件，平均每人阅毕用时/);
  assert.ok(figures.rows[0].tally.circulation_reads >= 1, "the read circulation copy is counted with its minutes");
});
