// Lists that grow are paged by a keyset cursor: every case can be reached
// however many there are, a page reads about as many rows as it shows, and
// window staff find a case by number, mobile or name through an index.
// This file's cases are its own: case numbers PG…, state reported_up, in
// 县公安局, backdated to 2020 (no other file lists that department's inbox).
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL, assertError, rowsRead } from "../support/http.mjs";
import { cookieOf, login, sqlLocal, staffGet } from "../support/cases.mjs";
import { allPages } from "../support/pages.mjs";

const BULK = 260; // more than the old fixed limit of 200
const OVERDUE = 3;

before(() => {
  const dept = "(SELECT id FROM department WHERE name = '县公安局')";
  const matter = `(SELECT id FROM matter WHERE department_id = ${dept} ORDER BY id LIMIT 1)`;
  sqlLocal(`
    WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${BULK})
    INSERT INTO case_record (case_no, query_code_hash, matter_id, department_id, state, class, applicant_kind,
        applicant_name, id_number, mobile, address, fields, submitted_at, report_authority, last_change)
    SELECT printf('PG%08d', i), 'x', ${matter}, ${dept}, 'reported_up', 'report_up', 'person',
        '翻页测试' || i, '11010519491231002X', '13700000001', '示范县', '{}',
        printf('2020-01-01T%02d:%02d:00+08:00', i / 60, i % 60), '市公安局', 'paging'
    FROM seq;
    WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${OVERDUE})
    INSERT INTO case_record (case_no, query_code_hash, matter_id, department_id, state, class, applicant_kind,
        applicant_name, id_number, mobile, address, fields, submitted_at, accepted_on, committed_days, deadline, last_change)
    SELECT printf('PO%08d', i), 'x', ${matter}, ${dept}, 'in_progress', 'commitment', 'person',
        '逾期翻页' || i, '11010519491231002X', '13700000002', '示范县', '{}',
        '2020-02-01T09:00:00+08:00', '2020-02-01', 5, printf('2020-02-%02dT23:59:59+08:00', 10 + i), 'paging'
    FROM seq;
    INSERT INTO case_department (department_id, case_id, lead)
        SELECT department_id, id, 1 FROM case_record WHERE case_no LIKE 'PG%' OR case_no LIKE 'PO%';`);
});

const bulkNumbers = () => Array.from({ length: BULK }, (_, i) => `PG${String(i + 1).padStart(8, "0")}`);

test("the inbox pages through every case, oldest first, with the total, and a page reads a page of rows", async () => {
  const { cookie } = await login("ga_window");
  const { items, pages } = await allPages(cookie, "/api/staff/cases?state=reported_up", "cases", { limit: 50 });
  const numbers = items.map((c) => c.case_no);
  assert.equal(new Set(numbers).size, numbers.length, "no case on two pages");
  for (const no of bulkNumbers()) assert.ok(numbers.includes(no), `${no} is reachable`);
  const mine = numbers.filter((n) => n.startsWith("PG"));
  assert.deepEqual(mine, bulkNumbers(), "oldest submission first, in order across pages");
  assert.ok(pages.length >= 6, `${pages.length} pages of 50`);
  for (const p of pages) assert.equal(p.body.total, items.length, "every page says how many there are in all");
  assert.ok(pages.slice(0, -1).every((p) => p.body.cases.length === 50));
  const reads = pages.map(rowsRead);
  const first = reads[0];
  const deepest = Math.max(...reads.slice(1));
  assert.ok(deepest <= first + 20, `a later page reads no more than the first: ${reads.join(", ")}`);
  const small = rowsRead(await staffGet(cookie, "/api/staff/cases?state=reported_up&limit=10"));
  assert.ok(small < 100, `a page of 10 reads about 10 cases' rows, not the ${BULK} cases: ${small}`);
});

test("the office pages across departments; the overdue list is paged too", async () => {
  const cookie = await cookieOf("office_admin");
  const { items } = await allPages(cookie, "/api/staff/cases?state=reported_up", "cases", { limit: 100 });
  const numbers = new Set(items.map((c) => c.case_no));
  for (const no of bulkNumbers()) assert.ok(numbers.has(no), no);
  const overdue = await allPages(cookie, "/api/office/overview", "overdue", { limit: 1 });
  const late = overdue.items.map((c) => c.case_no);
  assert.equal(new Set(late).size, late.length);
  for (let i = 1; i <= OVERDUE; i++) assert.ok(late.includes(`PO${String(i).padStart(8, "0")}`), `overdue case ${i} is listed`);
  assert.ok(overdue.items.every((c) => c.standing === "red"));
  const deadlines = overdue.items.map((c) => c.deadline);
  assert.deepEqual(deadlines, [...deadlines].sort(), "most overdue first");
  assert.ok(overdue.pages.length >= OVERDUE, "one overdue case per page of 1");
});

test("window staff find a case by number, mobile or the start of a name, through indexes", async () => {
  const { cookie } = await login("ga_window");
  const byNumber = await staffGet(cookie, "/api/staff/cases?q=pg00000007");
  assert.deepEqual(byNumber.body.cases.map((c) => c.case_no), ["PG00000007"]);
  const byName = await staffGet(cookie, `/api/staff/cases?q=${encodeURIComponent("翻页测试25")}`);
  const names = byName.body.cases.map((c) => c.applicant_name).sort();
  assert.deepEqual(names, ["翻页测试25", ...Array.from({ length: 10 }, (_, i) => `翻页测试25${i}`)].sort());
  const byMobile = await staffGet(cookie, "/api/staff/cases?q=13700000002");
  assert.equal(byMobile.body.cases.length, OVERDUE);
  // More matches than one answer holds: the answer says it was cut.
  const many = await staffGet(cookie, "/api/staff/cases?q=13700000001");
  assert.equal(many.body.cases.length, 50);
  assert.equal(many.body.next, null, "a search is not paged");
  assert.ok(many.body.notices.some((n) => n.startsWith("相符的办件多于50件")), JSON.stringify(many.body.notices));
  for (const res of [byNumber, byName, byMobile]) {
    assert.ok(rowsRead(res) < 120, `a search reads its matches, not the ${BULK} cases: ${rowsRead(res)}`);
  }
  // Another department's staff find nothing of it.
  const other = (await login("scjg_window")).cookie;
  assert.deepEqual((await staffGet(other, "/api/staff/cases?q=PG00000007")).body.cases, []);
  assertError(await staffGet(cookie, `/api/staff/cases?q=${"1".repeat(31)}`), 400, "invalid_parameter");
});

test("a cursor that was not issued is refused, and page sizes are bounded", async () => {
  const { cookie } = await login("ga_window");
  for (const after of ["zz", "abc", "7e"]) {
    assertError(await staffGet(cookie, `/api/staff/cases?after=${after}`), 400, "invalid_parameter");
  }
  for (const limit of ["0", "101", "x"]) {
    assertError(await staffGet(cookie, `/api/staff/cases?limit=${limit}`), 400, "invalid_parameter");
  }
});

async function post(cookie, path, body) {
  const res = await fetch(BASE_URL + path, {
    method: "POST", headers: { "Content-Type": "application/json", Cookie: cookie }, body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

test("the office's lists are paged, and a new record comes back with its id", async () => {
  const dept = (await login("scjg_window")).cookie;
  const office = (await cookieOf("office_admin"));
  const subjects = ["甲", "乙", "丙"].map((s) => `关于翻页测试${s}的通知-${Date.now()}`);
  const created = [];
  for (const subject of subjects) {
    const res = await post(dept, "/api/office/documents", {
      subject, proposed_level: "county_office", drafting_departments: [1], within_one_department: true,
      needs_government_authority: false, nature: "work_arrangement", length_chars: 800,
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.subject, subject);
    assert.equal(res.body.state, "pending");
    assert.ok(Number.isInteger(res.body.id));
    created.push(res.body.id);
  }
  const { items } = await allPages(office, "/api/office/documents?state=pending", "documents", { limit: 1 });
  const ids = items.map((d) => d.id);
  assert.equal(new Set(ids).size, ids.length);
  const positions = created.map((id) => ids.indexOf(id));
  assert.ok(positions.every((p) => p >= 0), "every new request is reachable");
  assert.deepEqual(positions, [...positions].sort((a, b) => a - b), "oldest request first");

  const date = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
  const meeting = await post(office, "/api/office/meetings", {
    title: `翻页测试会议-${Date.now()}`, organiser_department_id: 0, date, duration_minutes: 60, participants: "各乡镇",
    class: "class2", approved_by: "county_head", approval_date: date, approval_ref: "县长批示", plan_item_id: null,
  });
  assert.equal(meeting.status, 201, JSON.stringify(meeting.body));
  assert.ok(Number.isInteger(meeting.body.id));
  const year = date.slice(0, 4);
  const meetings = await allPages(office, `/api/office/meetings?year=${year}&from=1&to=12`, "meetings", { limit: 7 });
  assert.ok(meetings.items.some((m) => m.id === meeting.body.id));
  const keys = meetings.items.map((m) => `${m.date}#${String(m.id).padStart(9, "0")}`);
  assert.deepEqual(keys, [...keys].sort().reverse(), "newest first, without gaps or repeats");
});
