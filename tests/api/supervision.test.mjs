// Supervision (DOMAIN.md §6) against the real Worker: registering an item,
// splitting it into tasks, every transition by the side allowed to make
// it, the refusals (wrong unit, wrong moment, stale page), the daily job's
// slips, publications, hand-offs, files and the dashboard.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertError, BASE_URL, rowsRead } from "../support/http.mjs";
import { PDF, staffGet, sqlLocalRows } from "../support/cases.mjs";
import { post } from "../support/admin.mjs";
import { cookieOf } from "../support/hotline.mjs";
import { rectifying, signIn } from "../support/objects.mjs";
import {
  act, daysFromToday, item, itemForm, registered, runDailyJob, setDeadline, task, taskForm, todayIsWorkingDay, UNIT, withTasks,
} from "../support/supervision.mjs";

test("an item is registered, split into tasks with 交办单, and each unit sees only its own", async () => {
  const { office, no, view } = await withTasks([{}, { requirement: "新增公共停车泊位200个", lead_unit_id: UNIT.chengguan, assist_unit_ids: [], due: null }]);
  assert.match(no, /^DC\d{4}-\d{4}$/);
  assert.equal(view.state, "in_progress");
  const [first, second] = view.tasks;
  assert.equal(first.task_no, `${no}-1`);
  assert.equal(first.slips[0].kind, "assignment");
  assert.match(first.slips[0].slip_no, /^督交〔\d{4}〕\d+号$/);
  // No deadline given: the limit table's (县长办公会议, 一般: 20 working days).
  assert.equal(second.deadline_why.at(-1).startsWith("期限："), true, JSON.stringify(second.deadline_why));
  assert.ok(second.deadline_why[0].includes("限20个工作日"), JSON.stringify(second.deadline_why));

  const housing = await cookieOf("zj_window");
  const mine = (await item(housing, no)).body;
  assert.deepEqual(mine.tasks.map((t) => t.task_no), [first.task_no], "住建局 sees its task only");
  assert.deepEqual(mine.tasks[0].actions, ["progress", "report", "request_extension"]);
  const inbox = (await staffGet(housing, "/api/supervision/tasks")).body.tasks;
  assert.ok(inbox.some((t) => t.task_no === first.task_no && t.my_role === "lead"));
  const hekou = await cookieOf("hkz_head");
  assertError(await item(hekou, no), 404, "not_found");
  assertError(await act(hekou, first.task_no, first.version, { action: "report", text: "已完成" }), 404, "not_found");
  const chengguan = await cookieOf("cgz_staff");
  const assisting = await task(chengguan, no, first.task_no);
  assert.deepEqual(assisting.actions, ["progress", "contribute"]);
  assertError(await act(chengguan, first.task_no, first.version, { action: "report", text: "已完成" }), 403, "forbidden");
  assertError(await staffGet(housing, "/api/supervision/items"), 403, "forbidden");
  assert.ok((await staffGet(office, `/api/supervision/slips?kind=assignment`)).body.slips.some((s) => s.task_no === first.task_no));
  const unitSlips = (await staffGet(hekou, "/api/supervision/slips")).body.slips;
  assert.ok(!unitSlips.some((s) => s.item_no === no), "a unit sees only its own slips");
});

test("bad input is refused with a clear error and nothing half-written", async () => {
  const { office, no } = await registered();
  const v = (await item(office, no)).body.version;
  assertError(await post(office, "/api/supervision/items", itemForm({ reference: " " })), 400, "invalid_parameter");
  assertError(await post(office, `/api/supervision/items/${no}/tasks`, taskForm(v, { lead_unit_id: 0 })), 400, "invalid_parameter");
  assertError(await post(office, `/api/supervision/items/${no}/tasks`, taskForm(v, { due: daysFromToday(-1) })), 400, "invalid_parameter");
  assertError(await post(office, `/api/supervision/items/${no}/tasks`, taskForm(v, { lead_unit_id: 9999 })), 400, "invalid_parameter");
  assertError(await post(office, `/api/supervision/items/${no}/tasks`, taskForm(v + 1)), 409, "conflict");
  const after = (await item(office, no)).body;
  assert.equal(after.tasks.length, 0, "no task was written");
  assert.equal(after.state, "registered");
  assertError(await staffGet(office, "/api/supervision/items/DC2026-9999"), 404, "not_found");
  assertError(await staffGet(office, "/api/supervision/items/<script>"), 404, "not_found");
});

test("progress, contribution, report, send back, report again, check, leader, strike-off; the item closes", async () => {
  const { office, no, view } = await withTasks([{ milestones: [{ due: daysFromToday(10), text: "完成调研" }] }]);
  const t = view.tasks[0];
  const housing = await cookieOf("zj_window");
  const chengguan = await cookieOf("cgz_staff");
  let res = await act(housing, t.task_no, t.version, { action: "progress", text: "已完成现场调研", milestone: 0 });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  let now = res.body.tasks[0];
  assert.ok(now.milestones[0].reached_at);
  res = await act(chengguan, t.task_no, now.version, { action: "contribute", text: "城关镇已摸排可用空地3处" });
  now = res.body.tasks[0];
  assert.equal(now.parts.find((p) => p.unit_id === UNIT.chengguan).contribution, "城关镇已摸排可用空地3处");
  assertError(await act(office, t.task_no, now.version, { action: "strike_off", note: "x" }), 409, "conflict");
  assertError(await act(housing, t.task_no, now.version - 1, { action: "report", text: "方案已完成" }), 409, "conflict");
  res = await act(housing, t.task_no, now.version, { action: "report", text: "整治方案已印发" });
  now = res.body.tasks[0];
  assert.equal(now.state, "reported");
  assertError(await act(office, t.task_no, now.version, { action: "check", pass: false, reason: "" }), 400, "invalid_parameter");
  res = await act(office, t.task_no, now.version, { action: "check", pass: false, reason: "缺少资金测算", redo_by: daysFromToday(15) });
  now = res.body.tasks[0];
  assert.equal(now.state, "in_progress");
  assert.equal(now.redone, 1);
  assert.equal(now.deadline, daysFromToday(15));
  res = await act(housing, t.task_no, now.version, { action: "report", text: "已补充资金测算" });
  now = res.body.tasks[0];
  res = await act(office, t.task_no, now.version, { action: "check", pass: true, reason: "" });
  now = res.body.tasks[0];
  assert.equal(now.state, "passed");
  assertError(await act(office, t.task_no, now.version, { action: "strike_off", note: "x" }), 409, "conflict");
  res = await act(office, t.task_no, now.version, { action: "report_to_leader", note: "已呈张县长" });
  now = res.body.tasks[0];
  res = await act(office, t.task_no, now.version, { action: "strike_off", note: "张县长阅示：同意销号" });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.state, "closed");
  now = res.body.tasks[0];
  assert.equal(now.state, "closed");
  assert.equal(now.closed_on_time, true);
  const trail = now.events.map((e) => e.to_state);
  assert.deepEqual(trail, ["in_progress", "in_progress", "in_progress", "reported", "in_progress", "reported", "passed", "with_leader", "closed"]);
  const inbox = (await staffGet(housing, "/api/supervision/tasks")).body.tasks;
  assert.ok(!inbox.some((x) => x.task_no === t.task_no), "struck off: out of the inbox");
  const closed = (await staffGet(housing, "/api/supervision/tasks?view=closed")).body.tasks;
  assert.ok(closed.some((x) => x.task_no === t.task_no));
});

test("one extension before expiry, approved by the office; none after expiry", async () => {
  const { office, view } = await withTasks([{}]);
  const t = view.tasks[0];
  const housing = await cookieOf("zj_window");
  let res = await act(housing, t.task_no, t.version, { action: "request_extension", days: 10, reason: "需等待上级批复" });
  let now = res.body.tasks[0];
  assert.equal(now.extension, "pending");
  assertError(await act(housing, t.task_no, now.version, { action: "request_extension", days: 5, reason: "再延" }), 409, "conflict");
  res = await act(office, t.task_no, now.version, { action: "decide_extension", approve: true, reason: "" });
  now = res.body.tasks[0];
  assert.equal(now.extension, "approved");
  assert.ok(now.deadline > t.deadline);
  assert.ok(now.deadline_why.some((l) => l.includes("延期10个工作日")), JSON.stringify(now.deadline_why));

  const other = (await withTasks([{}])).view.tasks[0];
  setDeadline(other.task_no, daysFromToday(-3));
  const late = (await task(office, other.task_no.split("-").slice(0, 2).join("-"), other.task_no));
  assert.equal(late.colour, "red");
  assertError(await act(housing, other.task_no, late.version, { action: "request_extension", days: 5, reason: "x" }), 409, "conflict");
  assertError(await act(housing, other.task_no, late.version, { action: "report", text: "完成" }), 400, "invalid_parameter");
  res = await act(housing, other.task_no, late.version, { action: "report", text: "完成", late_reason: "协调用地" });
  assert.equal(res.body.tasks[0].report.late, true);
});

test("a follow-up instruction closes the task and links a new one to the same units", async () => {
  const { office, no, view } = await withTasks([{}]);
  const t = view.tasks[0];
  const housing = await cookieOf("zj_window");
  let now = (await act(housing, t.task_no, t.version, { action: "report", text: "方案已完成" })).body.tasks[0];
  now = (await act(office, t.task_no, now.version, { action: "check", pass: true, reason: "" })).body.tasks[0];
  now = (await act(office, t.task_no, now.version, { action: "report_to_leader", note: "已呈报" })).body.tasks[0];
  const res = await act(office, t.task_no, now.version, { action: "follow_up", instruction: "请抓紧实施，年底前见效", due: daysFromToday(30) });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const [old, next] = res.body.tasks;
  assert.equal(old.state, "closed");
  assert.equal(old.followed_by, next.task_no);
  assert.equal(next.follows, old.task_no);
  assert.equal(next.state, "in_progress");
  assert.deepEqual(next.parts.map((p) => p.unit_id), old.parts.map((p) => p.unit_id));
  assert.equal(res.body.state, "in_progress", "the item stays open with the follow-up");
  assert.equal(next.slips[0].kind, "assignment");
  assert.ok((await item(housing, no)).body.tasks.some((x) => x.task_no === next.task_no));
});

test("the daily job chases with a 催办单, then a 督办通知单, at most once a day, never twice", async (t) => {
  if (!todayIsWorkingDay()) return t.skip("the job sends nothing on a non-working day");
  const { office, no, view } = await withTasks([{}, { requirement: "新增泊位", lead_unit_id: UNIT.chengguan, assist_unit_ids: [] }]);
  const [near, overdue] = view.tasks;
  setDeadline(near.task_no, daysFromToday(1));
  setDeadline(overdue.task_no, daysFromToday(-2));
  await runDailyJob();
  const first = (await item(office, no)).body;
  await runDailyJob();
  const second = (await item(office, no)).body;
  const slips = (x, no) => x.tasks.find((t) => t.task_no === no).slips.filter((s) => s.kind !== "assignment");
  const red = slips(first, overdue.task_no);
  assert.deepEqual(red.map((s) => [s.kind, s.colour]), [["notice", "red"]]);
  assert.match(red[0].slip_no, /^督通〔\d{4}〕\d+号$/);
  assert.ok(red[0].why.includes("逾期"));
  const yellow = slips(first, near.task_no);
  assert.deepEqual(yellow.map((s) => [s.kind, s.colour]), [["reminder", "yellow"]]);
  assert.deepEqual(second.tasks.map((t) => t.slips), first.tasks.map((t) => t.slips), "a second run the same day changes nothing");
  assert.deepEqual(second.tasks.map((t) => t.events.length), first.tasks.map((t) => t.events.length));
  const unit = await cookieOf("cgz_staff");
  const theirs = (await staffGet(unit, "/api/supervision/slips?kind=notice")).body.slips;
  assert.ok(theirs.some((s) => s.task_no === overdue.task_no), "the unit sees its notice");
  const printed = await staffGet(unit, `/api/supervision/slips/${red[0].id}`);
  assert.equal(printed.body.unit_name, "城关镇人民政府");
  assertError(await staffGet(await cookieOf("zj_window"), `/api/supervision/slips/${red[0].id}`), 404, "not_found");
});

test("publications are numbered per kind and year and counted; the limit table is the office's", async () => {
  const { office, no } = await registered();
  const form = { kind: "special", title: "关于停车整治的督查专报", published_on: daysFromToday(0), summary: "推进情况", item_nos: [no] };
  const first = await post(office, "/api/supervision/publications", form);
  assert.equal(first.status, 201, JSON.stringify(first.body));
  const second = await post(office, "/api/supervision/publications", { ...form, title: "续报" });
  const seq = (p) => Number(p.number.match(/第(\d+)期/)[1]);
  assert.equal(seq(second.body), seq(first.body) + 1);
  assert.ok((await item(office, no)).body.publications.some((p) => p.number === first.body.number));
  assertError(await post(office, "/api/supervision/publications", { ...form, item_nos: ["DC1999-0001"] }), 404, "not_found");
  assertError(await post(office, "/api/supervision/publications", { ...form, published_on: daysFromToday(5) }), 400, "invalid_parameter");

  const table = (await staffGet(office, "/api/supervision/limits")).body;
  const row = table.rows.find((r) => r.source === "media" && r.priority === "normal");
  assert.equal(row.working_days, 10);
  const saved = await post(office, "/api/supervision/limits", { rows: [{ ...row, working_days: 12 }] });
  assert.equal(saved.body.rows.find((r) => r.source === "media" && r.priority === "normal").working_days, 12);
  await post(office, "/api/supervision/limits", { rows: [row] });
  assertError(await post(office, "/api/supervision/limits", { rows: [{ ...row, working_days: 0 }] }), 400, "invalid_parameter");
  assertError(await post(await cookieOf("zj_head"), "/api/supervision/limits", { rows: [row] }), 403, "forbidden");
});

test("a hot spot or an upheld negative review becomes an item in one step, linked both ways", async () => {
  const office = await cookieOf("office_admin");
  const key = `category:测试热点${Date.now()}`;
  const origin = { kind: "hotspot", reference: key };
  const made = await post(office, "/api/supervision/items", itemForm({ source: "hotline_hotspot", reference: "供水问题反复出现", origin }));
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const found = (await staffGet(office, `/api/supervision/items?origin=${encodeURIComponent(`hotspot:${key}`)}`)).body.items;
  assert.deepEqual(found.map((i) => i.item_no), [made.body.item_no]);
  assert.deepEqual((await item(office, made.body.item_no)).body.origin, origin);
  assertError(await post(office, "/api/supervision/items", itemForm({ source: "hotline_hotspot", reference: "x", origin })), 409, "conflict");
  assertError(await post(office, "/api/supervision/items", itemForm({ origin })), 400, "invalid_parameter");
  const caseOrigin = { kind: "case", reference: "SP20990101001" };
  assertError(await post(office, "/api/supervision/items", itemForm({ source: "negative_review", reference: "x", origin: caseOrigin })), 400, "invalid_parameter");
});

test("files: the office attaches papers, the lead unit its report's; served so that they never run", async () => {
  const { office, no, view } = await withTasks([{}]);
  const t = view.tasks[0];
  const upload = (cookie, fields) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    return fetch(`${BASE_URL}/api/supervision/items/${no}/files`, { method: "POST", headers: { Cookie: cookie }, body: form });
  };
  let res = await upload(office, { file: new Blob([PDF], { type: "application/pdf" }) });
  assert.equal(res.status, 201, await res.clone().text());
  const housing = await cookieOf("zj_window");
  res = await upload(housing, { file: new Blob([PDF]), task_no: t.task_no });
  assert.equal(res.status, 201, await res.clone().text());
  const files = (await res.json()).files;
  assert.equal(files.length, 2);
  res = await upload(housing, { file: new Blob([PDF]) });
  assertError({ status: res.status, headers: res.headers, body: await res.json() }, 403, "forbidden");
  res = await upload(office, { file: new Blob(["<script>alert(1)</script>"]) });
  assertError({ status: res.status, headers: res.headers, body: await res.json() }, 400, "invalid_upload");
  const served = await fetch(`${BASE_URL}/api/supervision/files/${files[0].id}`, { headers: { Cookie: housing } });
  assert.equal(served.status, 200);
  assert.match(served.headers.get("content-security-policy"), /sandbox/);
  assert.match(served.headers.get("content-disposition"), /^attachment/);
  const hekou = await cookieOf("hkz_head");
  assert.equal((await fetch(`${BASE_URL}/api/supervision/files/${files[0].id}`, { headers: { Cookie: hekou } })).status, 404);
});

test("the dashboard: items by source and colour, on-time rate per unit, overdue list, sentence, CSV; rows flat", async () => {
  const office = await cookieOf("office_admin");
  const res = await staffGet(office, "/api/supervision/dashboard?from=2026-01-01&to=2026-12-31");
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const total = res.body.sources.at(-1);
  assert.equal(total.source, null);
  assert.ok(total.in_progress + total.closed + total.registered >= 12);
  assert.equal(res.body.rows[0].label, "全县");
  assert.ok(res.body.rows[0].tally.closed > 0);
  assert.ok(res.body.rows[0].rates.every((r) => r.formula.includes("÷")));
  assert.match(res.body.summary, /编发《政务督查》\d+期、督查专报\d+期，立项督查事项\d+件/);
  assert.equal(res.body.overdue_total, total.red);
  const rows = rowsRead(res);
  const open = sqlLocalRows("SELECT count(*) AS n FROM supervision_task WHERE state = 'in_progress'")[0].n;
  assert.ok(rows < 400 + 3 * open, `rows read ${rows} with ${open} tasks in progress`);
  const csv = await fetch(`${BASE_URL}/api/supervision/dashboard.csv?from=2026-01-01&to=2026-12-31`, { headers: { Cookie: office } });
  assert.equal(csv.status, 200);
  assert.ok((await csv.text()).includes("全县"));
  assertError(await staffGet(office, "/api/supervision/dashboard?from=2026-13-01"), 400, "invalid_date");
  assertError(await staffGet(await cookieOf("zj_head"), "/api/supervision/dashboard"), 403, "forbidden");
});

test("races and leftovers: one item per origin, a report settles a pending extension, a strike-off moves the item on, assisting units read their slips", async () => {
  const office = await cookieOf("office_admin");
  const origin = { kind: "hotspot", reference: `address:并发测试${Date.now()}` };
  const form = itemForm({ source: "hotline_hotspot", reference: "同一热点", origin });
  const both = await Promise.all([post(office, "/api/supervision/items", form), post(office, "/api/supervision/items", form)]);
  assert.deepEqual(both.map((r) => r.status).sort(), [201, 409], JSON.stringify(both.map((r) => r.body)));

  const { no, view } = await withTasks([{}]);
  const t = view.tasks[0];
  const housing = await cookieOf("zj_window");
  let now = (await act(housing, t.task_no, t.version, { action: "request_extension", days: 5, reason: "等待批复" })).body.tasks[0];
  now = (await act(housing, t.task_no, now.version, { action: "report", text: "已提前办结" })).body.tasks[0];
  assert.deepEqual((await task(office, no, t.task_no)).actions, ["check"], "no extension decision once the result is in");
  assertError(await act(office, t.task_no, now.version, { action: "decide_extension", approve: true, reason: "" }), 409, "conflict");

  const item0 = (await item(office, no)).body;
  now = (await act(office, t.task_no, now.version, { action: "check", pass: true, reason: "" })).body.tasks[0];
  now = (await act(office, t.task_no, now.version, { action: "report_to_leader", note: "已呈报" })).body.tasks[0];
  await act(office, t.task_no, now.version, { action: "strike_off", note: "同意" });
  assertError(await post(office, `/api/supervision/items/${no}/tasks`, taskForm(item0.version)), 409, "conflict");

  const chengguan = await cookieOf("cgz_staff");
  const slip = t.slips[0];
  assert.equal((await staffGet(chengguan, `/api/supervision/slips/${slip.id}`)).status, 200, "the assisting unit opens its task's 交办单");
  assertError(await staffGet(await cookieOf("hkz_head"), `/api/supervision/slips/${slip.id}`), 404, "not_found");
});

test("an upheld negative review becomes an item in one step, and the item names its case", async () => {
  for (const u of ["scjg_window", "office_admin"]) await signIn(u);
  const upheld = await rectifying();
  const office = await cookieOf("office_admin");
  const origin = { kind: "case", reference: upheld.case_no };
  const made = await post(office, "/api/supervision/items", itemForm({ source: "negative_review", reference: upheld.case_no, title: "差评整改督办", origin }));
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const view = (await item(office, made.body.item_no)).body;
  assert.deepEqual([view.source, view.origin], ["negative_review", origin]);
  const found = (await staffGet(office, `/api/supervision/items?origin=${encodeURIComponent(`case:${upheld.case_no}`)}`)).body.items;
  assert.deepEqual(found.map((i) => i.item_no), [made.body.item_no], "the case finds its item");
});
