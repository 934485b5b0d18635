// Meetings and documents: the class rule, the office's review with
// numbering, quotas, authorization, and a dashboard that moves with them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL } from "../support/http.mjs";
import { cookieOf, login, sqlLocal, staffGet } from "../support/cases.mjs";
import { allPages } from "../support/pages.mjs";

async function post(cookie, path, body) {
  const res = await fetch(BASE_URL + path, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));

function meeting(overrides = {}) {
  return {
    title: "全县冬季安全生产工作会议", organiser_department_id: 0, date: today, duration_minutes: 90,
    participants: "各乡镇、县直各部门主要负责人", class: "class2", approved_by: "county_head",
    approval_date: today, approval_ref: "县长批示〔2026〕8号", plan_item_id: null, ...overrides,
  };
}

const row = (table, key) => table.find((r) => r.key === key);

// Titles and subjects of this file's own records: no other file's can match.
let serial = 0;
const unique = (text) => `${text}（streamline ${process.pid}-${++serial}）`;

/** A department's request for a county-level document, as the office's pending list shows it. */
async function requestDocument(cookie, subject, overrides = {}) {
  const res = await post(cookie, "/api/office/documents", {
    subject, proposed_level: "county_office", drafting_departments: [1], within_one_department: false,
    needs_government_authority: true, nature: "correspondence", length_chars: 900, ...overrides,
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  // The new request comes back as the office will list it.
  const office = (await cookieOf("office_admin"));
  const pending = (await allPages(office, "/api/office/documents?state=pending", "documents")).items;
  assert.deepEqual(pending.find((d) => d.id === res.body.id), res.body);
  return res.body;
}

const review = (cookie, doc, body) => post(cookie, `/api/office/documents/${doc.id}/review`, { version: doc.version, ...body });
const seq = (number) => Number(number.match(/〕(\d+)号$/)[1]);

test("the class rule: every class and approving body, refused with a clear message", async () => {
  const cookie = await cookieOf("office_admin");
  const cases = [
    ["class1", "executive_meeting", 201], ["class1", "county_head_office_meeting", 201],
    ["class1", "county_head", 422], ["class1", "executive_deputy_county_head", 422],
    ["class2", "executive_meeting", 422], ["class2", "county_head_office_meeting", 201],
    ["class2", "county_head", 201], ["class2", "executive_deputy_county_head", 201],
  ];
  for (const [cls, body, status] of cases) {
    const res = await post(cookie, "/api/office/meetings", meeting({ class: cls, approved_by: body }));
    assert.equal(res.status, status, `${cls} by ${body}: ${JSON.stringify(res.body)}`);
    if (status === 422) {
      assert.equal(res.body.error.fields[0].field, "approved_by");
      assert.match(res.body.error.fields[0].message, /无权批准/);
    }
  }
});

test("registering a meeting moves the dashboard by one, in its class", async () => {
  const cookie = await cookieOf("office_admin");
  const before = (await staffGet(cookie, `/api/office/dashboard?year=${year}`)).body;
  assert.equal((await post(cookie, "/api/office/meetings", meeting({ class: "class1", approved_by: "executive_meeting" }))).status, 201);
  const after = (await staffGet(cookie, `/api/office/dashboard?year=${year}`)).body;
  for (const field of ["this_period", "year_to_date"]) {
    assert.equal(row(after.meetings, "class1")[field], row(before.meetings, "class1")[field] + 1, field);
    assert.equal(row(after.meetings, "class2")[field], row(before.meetings, "class2")[field], field);
    assert.equal(row(after.meetings, "total")[field], row(before.meetings, "total")[field] + 1, field);
  }
});

test("dashboard counts equal the records, this year to today and last year to the same day", async () => {
  const cookie = await cookieOf("office_admin");
  const res = await staffGet(cookie, `/api/office/dashboard?year=${year}&from=1&to=12`);
  assert.equal(res.status, 200);
  const d = res.body;
  assert.equal(d.cut, today);
  const lastCut = d.cut_last_year;
  for (const cls of ["class1", "class2"]) {
    const thisYear = (await allPages(cookie, `/api/office/meetings?year=${year}&from=1&to=12&class=${cls}`, "meetings")).items;
    const lastYear = (await allPages(cookie, `/api/office/meetings?year=${year - 1}&from=1&to=12&class=${cls}`, "meetings")).items;
    assert.equal(row(d.meetings, cls).this_period, thisYear.filter((m) => m.date <= today).length, cls);
    assert.equal(row(d.meetings, cls).last_period, lastYear.filter((m) => m.date <= lastCut).length, cls);
  }
  for (const level of ["county_government", "county_office", "informal_letter"]) {
    const issued = (await allPages(cookie, `/api/office/documents?year=${year}&from=1&to=12&level=${level}`, "documents")).items;
    assert.equal(row(d.documents, level).this_period, issued.filter((x) => x.issued_on <= today).length, level);
  }
  const r = row(d.documents, "total");
  const expected = r.last_period === 0 ? null : Math.round(((r.this_period - r.last_period) * 1000) / r.last_period) / 10;
  assert.equal(r.change_percent, expected);
  const rows = Number(res.headers.get("x-d1-rows-read"));
  assert.ok(rows <= 400, `a dashboard reads counters, not records: ${rows} rows`);
});

test("a past year is counted whole, with no projection beyond it", async () => {
  const cookie = await cookieOf("office_admin");
  const d = (await staffGet(cookie, `/api/office/dashboard?year=${year - 1}`)).body;
  assert.equal(d.cut, null);
  const all = (await allPages(cookie, `/api/office/meetings?year=${year - 1}&from=1&to=12`, "meetings")).items;
  assert.equal(row(d.meetings, "total").this_period, all.length);
  assert.equal(row(d.meetings, "class1").projected, row(d.meetings, "class1").year_to_date);
  // The demo register starts in 2025, and tests register meetings only today: 2024 is empty.
  const none = (await staffGet(cookie, "/api/office/dashboard?year=2025")).body;
  assert.equal(row(none.meetings, "class1").last_period, 0);
  assert.equal(row(none.meetings, "class1").change_percent, null, "nothing last year: no percentage");
});

test("a department requests, the office lowers the level, the number is issued", async () => {
  const dept = await login("scjg_window");
  const office = await login("office_admin");
  const subject = unique("关于开展食品安全专项检查的通知");
  const doc = await requestDocument(dept.cookie, subject);
  assert.equal(doc.suggested_level, "informal_letter");
  assert.deepEqual(doc.drafting_departments, ["县市场监督管理局"]);

  const before = (await staffGet(office.cookie, `/api/office/dashboard?year=${year}`)).body;
  // Raising or keeping the level is not lowering; a lowering needs a reason.
  assert.equal((await review(office.cookie, doc, { decision: "lower", level: "county_government", reason: "x" })).status, 400);
  assert.equal((await review(office.cookie, doc, { decision: "lower", level: "informal_letter", reason: "" })).status, 400);
  const lowered = await review(office.cookie, doc, { decision: "lower", level: "informal_letter", reason: "仅涉及商请配合事项，便函即可" });
  assert.equal(lowered.status, 200, JSON.stringify(lowered.body));
  assert.equal(lowered.body.state, "issued");
  assert.equal(lowered.body.issued_level, "informal_letter");
  assert.match(lowered.body.number, new RegExp(`^示政办函〔${year}〕\\d+号$`));
  assert.equal((await review(office.cookie, doc, { decision: "approve" })).status, 409, "reviewed once");
  const after = (await staffGet(office.cookie, `/api/office/dashboard?year=${year}`)).body;
  assert.equal(row(after.documents, "informal_letter").this_period, row(before.documents, "informal_letter").this_period + 1);
  const events = (await staffGet(office.cookie, "/api/office/events")).body.events;
  assert.deepEqual([events[0].action, events[0].subject, events[0].detail, events[0].staff],
    ["review_document", `发文申请#${doc.id}`, "以便函印发（仅涉及商请配合事项，便函即可）", "周明"]);
});

test("numbers run on per level and year; a refusal takes none", async () => {
  const dept = (await login("scjg_window")).cookie;
  const office = (await cookieOf("office_admin"));
  const letter = async (text) => {
    const doc = await requestDocument(dept, unique(text));
    const res = await review(office, doc, { decision: "lower", level: "informal_letter", reason: "商请事项，便函即可" });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.number;
  };
  const first = await letter("关于商请协助开展抽检的函");
  const second = await letter("关于商请提供检测数据的函");
  assert.match(second, new RegExp(`^示政办函〔${year}〕\\d+号$`));
  assert.equal(seq(second), seq(first) + 1, `${first} then ${second}`);

  // Another level keeps its own sequence: the next county-office number follows the last issued one.
  const issued = (await staffGet(office, `/api/office/documents?year=${year}&from=1&to=12&level=county_office`)).body.documents;
  const last = Math.max(0, ...issued.map((d) => seq(d.number)));
  const notice = await requestDocument(dept, unique("关于开展食品安全宣传周活动的通知"), { nature: "work_arrangement" });
  const approved = await review(office, notice, { decision: "approve" });
  assert.equal(approved.status, 200, JSON.stringify(approved.body));
  assert.equal(approved.body.issued_level, "county_office");
  assert.equal(approved.body.number, `示政办发〔${year}〕${last + 1}号`);

  // A refusal is given no number, and the next letter's number follows the second's.
  const refusedDoc = await requestDocument(dept, unique("关于重复部署的通知"));
  assert.equal((await review(office, refusedDoc, { decision: "refuse", reason: "" })).status, 400, "a refusal needs a reason");
  const refused = await review(office, refusedDoc, { decision: "refuse", reason: "已有文件部署，能不发的坚决不发" });
  assert.equal(refused.status, 200, JSON.stringify(refused.body));
  assert.equal(refused.body.state, "refused");
  assert.equal(refused.body.number, null);
  const third = await letter("关于商请派员参加联合检查的函");
  assert.equal(seq(third), seq(second) + 1, `${second} then ${third}`);
});

test("only the office sets quotas, plans meetings and reviews; departments act in their own name", async () => {
  const dept = (await login("scjg_window")).cookie;
  const office = (await cookieOf("office_admin"));
  assert.equal((await post(dept, "/api/office/quotas", { year, kind: "meeting", category: "class1", quota: 99 })).status, 403);
  assert.equal((await post(dept, "/api/office/plan", { year, title: "x", class: "class1", month: 3 })).status, 403);
  const pending = await requestDocument(dept, unique("关于部门自行审批的通知"));
  assert.equal((await review(dept, pending, { decision: "approve" })).status, 403);
  const stillPending = (await allPages(office, "/api/office/documents?state=pending", "documents")).items;
  assert.equal(stillPending.find((d) => d.id === pending.id).state, "pending");
  assert.equal((await post(dept, "/api/office/meetings", meeting({ organiser_department_id: 2 }))).status, 403);
  assert.equal((await post(dept, "/api/office/meetings", meeting({ title: unique("市场监管系统工作会"), organiser_department_id: 1 }))).status, 201);
  assert.equal((await post(dept, "/api/office/documents", {
    subject: "关于x的通知", proposed_level: "department", drafting_departments: [2], within_one_department: true,
    needs_government_authority: false, nature: "work_arrangement", length_chars: 100,
  })).status, 403);
  assert.equal((await staffGet(null, "/api/office/dashboard")).status, 401);
  assert.equal((await post(null, "/api/office/meetings", meeting())).status, 401);
});

test("a quota the year is on pace to exceed is warned of", async () => {
  const office = (await cookieOf("office_admin"));
  assert.equal((await post(office, "/api/office/quotas", { year, kind: "meeting", category: "class9", quota: 5 })).status, 400);
  // Two class-1 meetings today: at any pace, more than one by the year's end.
  for (let i = 0; i < 2; i++) {
    assert.equal((await post(office, "/api/office/meetings", meeting({ title: unique("全县重点工作调度会"), class: "class1", approved_by: "executive_meeting" }))).status, 201);
  }
  const original = row((await staffGet(office, `/api/office/dashboard?year=${year}`)).body.meetings, "class1").quota;
  try {
    assert.equal((await post(office, "/api/office/quotas", { year, kind: "meeting", category: "class1", quota: 1 })).status, 200);
    const r = row((await staffGet(office, `/api/office/dashboard?year=${year}`)).body.meetings, "class1");
    assert.equal(r.quota, 1);
    assert.ok(r.projected >= r.year_to_date && r.year_to_date >= 2, JSON.stringify(r));
    assert.equal(r.warning, `按当前进度，一类会议全年预计${r.projected}，将超过年度指标1`);
  } finally {
    if (original === null) sqlLocal(`DELETE FROM quota WHERE year = ${year} AND kind = 'meeting' AND category = 'class1'`);
    else assert.equal((await post(office, "/api/office/quotas", { year, kind: "meeting", category: "class1", quota: original })).status, 200);
  }
  const restored = row((await staffGet(office, `/api/office/dashboard?year=${year}`)).body.meetings, "class1");
  assert.equal(restored.quota, original);
});

test("a meeting outside the annual plan is flagged; one in it names its plan item", async () => {
  const office = (await cookieOf("office_admin"));
  const planned = unique("全县年终总结大会");
  assert.equal((await post(office, "/api/office/plan", { year, title: planned, class: "class1", month: 12 })).status, 201);
  const plan = (await staffGet(office, `/api/office/plan?year=${year}`)).body.plan;
  const item = plan.find((p) => p.title === planned) ?? assert.fail(`${planned} is not in the plan`);
  const inPlan = unique("全县年终总结大会（召开）");
  const outside = unique("未列入计划的会议");
  assert.equal((await post(office, "/api/office/meetings", meeting({ title: inPlan, class: "class1", approved_by: "executive_meeting", plan_item_id: item.id }))).status, 201);
  assert.equal((await post(office, "/api/office/meetings", meeting({ title: outside, plan_item_id: 999999 }))).status, 400, "no such plan item");
  assert.equal((await post(office, "/api/office/meetings", meeting({ title: outside }))).status, 201);
  const list = (await allPages(office, `/api/office/meetings?year=${year}&from=1&to=12`, "meetings")).items;
  const find = (title) => list.find((m) => m.title === title) ?? assert.fail(`${title} is not listed`);
  assert.equal(find(inPlan).plan_item, planned);
  assert.equal(find(outside).plan_item, null, "a meeting outside the plan is listed as such");
});

test("every change of the office's registers is in its audit trail; only the office reads it", async () => {
  const office = (await cookieOf("office_admin"));
  const dept = (await login("scjg_window")).cookie;
  const planned = unique("全县春季农业生产部署会");
  const held = unique("全县营商环境座谈会");
  assert.equal((await post(office, "/api/office/plan", { year, title: planned, class: "class2", month: 3 })).status, 201);
  assert.equal((await post(office, "/api/office/meetings", meeting({ title: held }))).status, 201);
  const doc = await requestDocument(dept, unique("关于商请开展联合执法的函"));
  assert.equal((await review(office, doc, { decision: "lower", level: "informal_letter", reason: "仅涉及商请配合事项" })).status, 200);
  assert.equal((await post(office, "/api/office/quotas", { year: 2099, kind: "document", category: "county_office", quota: 70 })).status, 200);

  const events = (await staffGet(office, "/api/office/events")).body.events;
  // Newest first: exactly these five changes, each with who made it and what.
  assert.deepEqual(events.slice(0, 5).map((e) => [e.action, e.subject, e.staff]), [
    ["set_quota", "2099年度指标 document:county_office", "周明"],
    ["review_document", `发文申请#${doc.id}`, "周明"],
    ["request_document", doc.subject, "王晓燕"],
    ["register_meeting", held, "周明"],
    ["add_plan_item", planned, "周明"],
  ]);
  assert.equal(events[0].detail, "70");
  assert.equal(events[1].detail, "以便函印发（仅涉及商请配合事项）");
  assert.match(events[3].detail, new RegExp(`^${today} 二类会议，`));
  assert.equal((await staffGet(dept, "/api/office/events")).status, 403);
});
