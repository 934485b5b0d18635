// Meetings and documents: the class rule, the office's review with
// numbering, quotas, authorization, and a dashboard that moves with them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL } from "../support/http.mjs";
import { login, staffGet } from "../support/cases.mjs";
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

test("the class rule: every class and approving body, refused with a clear message", async () => {
  const { cookie } = await login("office_admin");
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
  const { cookie } = await login("office_admin");
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
  const { cookie } = await login("office_admin");
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
  const { cookie } = await login("office_admin");
  const d = (await staffGet(cookie, `/api/office/dashboard?year=${year - 1}`)).body;
  assert.equal(d.cut, null);
  const all = (await allPages(cookie, `/api/office/meetings?year=${year - 1}&from=1&to=12`, "meetings")).items;
  assert.equal(row(d.meetings, "total").this_period, all.length);
  assert.equal(row(d.meetings, "class1").projected, row(d.meetings, "class1").year_to_date);
  const none = (await staffGet(cookie, `/api/office/dashboard?year=${year - 2}`)).body;
  assert.equal(row(none.meetings, "class1").last_period, 0);
  assert.equal(row(none.meetings, "class1").change_percent, null, "nothing last year: no percentage");
});

test("a department requests, the office lowers the level, the number is issued", async () => {
  const dept = await login("scjg_window");
  const req = {
    subject: "关于开展食品安全专项检查的通知", proposed_level: "county_office", drafting_departments: [1],
    within_one_department: false, needs_government_authority: true, nature: "correspondence", length_chars: 900,
  };
  const created = await post(dept.cookie, "/api/office/documents", req);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.suggested_level, "informal_letter");
  const office = await login("office_admin");
  const pending = (await allPages(office.cookie, "/api/office/documents?state=pending", "documents")).items;
  const doc = pending.find((d) => d.subject === req.subject);
  assert.equal(doc.suggested_level, "informal_letter");
  assert.deepEqual(doc.drafting_departments, ["县市场监督管理局"]);

  const before = (await staffGet(office.cookie, `/api/office/dashboard?year=${year}`)).body;
  // Raising or keeping the level is not lowering; a lowering needs a reason.
  assert.equal((await post(office.cookie, `/api/office/documents/${doc.id}/review`, { version: doc.version, decision: "lower", level: "county_government", reason: "x" })).status, 400);
  assert.equal((await post(office.cookie, `/api/office/documents/${doc.id}/review`, { version: doc.version, decision: "lower", level: "informal_letter", reason: "" })).status, 400);
  const lowered = await post(office.cookie, `/api/office/documents/${doc.id}/review`, { version: doc.version, decision: "lower", level: "informal_letter", reason: "仅涉及商请配合事项，便函即可" });
  assert.equal(lowered.status, 200, JSON.stringify(lowered.body));
  assert.equal(lowered.body.state, "issued");
  assert.equal(lowered.body.issued_level, "informal_letter");
  assert.match(lowered.body.number, new RegExp(`^示政办函〔${year}〕\\d+号$`));
  const again = await post(office.cookie, `/api/office/documents/${doc.id}/review`, { version: doc.version, decision: "approve" });
  assert.equal(again.status, 409);
  const after = (await staffGet(office.cookie, `/api/office/dashboard?year=${year}`)).body;
  assert.equal(row(after.documents, "informal_letter").this_period, row(before.documents, "informal_letter").this_period + 1);

  // Numbers run on per level and year.
  const second = await post(dept.cookie, "/api/office/documents", { ...req, subject: "关于商请协助开展抽检的函" });
  assert.equal(second.status, 201);
  const doc2 = (await allPages(office.cookie, "/api/office/documents?state=pending", "documents")).items.find((d) => d.subject === "关于商请协助开展抽检的函");
  const approved = await post(office.cookie, `/api/office/documents/${doc2.id}/review`, { version: doc2.version, decision: "approve" });
  const n = (s) => Number(s.match(/〕(\d+)号/)[1]);
  assert.equal(approved.body.number.startsWith("示政办发"), true);
  const refusedReq = await post(dept.cookie, "/api/office/documents", { ...req, subject: "关于重复部署的通知" });
  assert.equal(refusedReq.status, 201);
  const doc3 = (await allPages(office.cookie, "/api/office/documents?state=pending", "documents")).items.find((d) => d.subject === "关于重复部署的通知");
  assert.equal((await post(office.cookie, `/api/office/documents/${doc3.id}/review`, { version: doc3.version, decision: "refuse", reason: "" })).status, 400);
  const refused = await post(office.cookie, `/api/office/documents/${doc3.id}/review`, { version: doc3.version, decision: "refuse", reason: "已有文件部署，能不发的坚决不发" });
  assert.equal(refused.body.state, "refused");
  assert.equal(refused.body.number, null);
  assert.ok(n(lowered.body.number) >= 1);
});

test("only the office sets quotas, plans meetings and reviews; departments act in their own name", async () => {
  const dept = (await login("scjg_window")).cookie;
  const office = (await login("office_admin")).cookie;
  assert.equal((await post(dept, "/api/office/quotas", { year, kind: "meeting", category: "class1", quota: 99 })).status, 403);
  assert.equal((await post(dept, "/api/office/plan", { year, title: "x", class: "class1", month: 3 })).status, 403);
  const pending = (await allPages(office, "/api/office/documents?state=pending", "documents")).items;
  assert.equal((await post(dept, `/api/office/documents/${pending[0].id}/review`, { version: pending[0].version, decision: "approve" })).status, 403);
  assert.equal((await post(dept, "/api/office/meetings", meeting({ organiser_department_id: 2 }))).status, 403);
  assert.equal((await post(dept, "/api/office/meetings", meeting({ organiser_department_id: 1 }))).status, 201);
  assert.equal((await post(dept, "/api/office/documents", {
    subject: "关于x的通知", proposed_level: "department", drafting_departments: [2], within_one_department: true,
    needs_government_authority: false, nature: "work_arrangement", length_chars: 100,
  })).status, 403);
  assert.equal((await staffGet(null, "/api/office/dashboard")).status, 401);
  assert.equal((await post(null, "/api/office/meetings", meeting())).status, 401);

  assert.equal((await post(office, "/api/office/quotas", { year, kind: "meeting", category: "class9", quota: 5 })).status, 400);
  assert.equal((await post(office, "/api/office/quotas", { year, kind: "meeting", category: "class1", quota: 1 })).status, 200);
  const d = (await staffGet(office, `/api/office/dashboard?year=${year}`)).body;
  assert.equal(row(d.meetings, "class1").quota, 1);
  assert.match(row(d.meetings, "class1").warning, /将超过年度指标1/);
  assert.equal((await post(office, "/api/office/quotas", { year, kind: "meeting", category: "class1", quota: 24 })).status, 200);
});

test("a meeting outside the annual plan is flagged; one in it names its plan item", async () => {
  const office = (await login("office_admin")).cookie;
  assert.equal((await post(office, "/api/office/plan", { year, title: "全县年终总结大会", class: "class1", month: 12 })).status, 201);
  const plan = (await staffGet(office, `/api/office/plan?year=${year}`)).body.plan;
  const item = plan.find((p) => p.title === "全县年终总结大会");
  const title = `全县年终总结大会（测试${Date.now()}）`;
  assert.equal((await post(office, "/api/office/meetings", meeting({ title, class: "class1", approved_by: "executive_meeting", plan_item_id: item.id }))).status, 201);
  assert.equal((await post(office, "/api/office/meetings", meeting({ title: "未列入计划的会议", plan_item_id: 999999 }))).status, 400);
  const list = (await allPages(office, `/api/office/meetings?year=${year}&from=1&to=12`, "meetings")).items;
  assert.equal(list.find((m) => m.title === title).plan_item, "全县年终总结大会");
  assert.ok(list.some((m) => m.plan_item === null), "meetings outside the plan are listed as such");
});

test("every change of the office's registers is in its audit trail; only the office reads it", async () => {
  const office = (await login("office_admin")).cookie;
  assert.equal((await post(office, "/api/office/quotas", { year, kind: "document", category: "county_office", quota: 70 })).status, 200);
  const events = (await staffGet(office, "/api/office/events")).body.events;
  const actions = new Set(events.map((e) => e.action));
  for (const a of ["register_meeting", "request_document", "review_document", "set_quota", "add_plan_item"]) assert.ok(actions.has(a), a);
  assert.ok(events.some((e) => e.action === "review_document" && /以便函印发（仅涉及商请配合事项/.test(e.detail)));
  assert.equal(events[0].action, "set_quota");
  assert.equal(events[0].staff, "周明");
  assert.equal((await staffGet((await login("scjg_window")).cookie, "/api/office/events")).status, 403);
});
