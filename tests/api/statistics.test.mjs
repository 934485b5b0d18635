// Center statistics from maintained counters, and handlers (承办人):
// who took a case, the head's assignment, and the inbox filter by handler.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL, assertError, rowsRead } from "../support/http.mjs";
import { acceptedCase, act, cookieOf, login, staffGet, submitFood } from "../support/cases.mjs";
import { allPages } from "../support/pages.mjs";

const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const stats = async (cookie, query = `from=${today}&to=${today}`) => staffGet(cookie, `/api/office/statistics?${query}`);

test("statistics count today's events in any range that holds today, and only there", async () => {
  const office = (await cookieOf("office_admin"));
  const before = (await stats(office)).body;
  const { receipt, cookie, view } = await acceptedCase();
  await act(cookie, receipt.case_no, { version: view.version, action: "complete", result: "准予许可" });
  await submitFood();
  const after = (await stats(office)).body;
  // Test files run one at a time (scripts/test.sh): these are this test's events only.
  assert.equal(after.received, before.received + 2, "two submissions");
  const commitment = (s) => s.classes.find((c) => c.class === "commitment");
  assert.equal(commitment(after).disposed, commitment(before).disposed + 1, "one accepted as a commitment item");
  assert.equal(commitment(after).completed, commitment(before).completed + 1, "one completed");
  assert.equal(after.on_time, before.on_time + 1, "on time");
  assert.ok(after.compression_rate > 0 && after.compression_rate < 100, String(after.compression_rate));
  assert.equal(after.establishment.departments, 11);
  assert.ok(after.establishment.matters >= 40);

  const year = today.slice(0, 4);
  const wholeYear = await stats(office, `from=${year}-01-01&to=${year}-12-31`);
  assert.ok(wholeYear.body.received >= after.received);
  const past = (await stats(office, "from=2025-01-01&to=2025-12-31")).body;
  assert.equal(past.received, 0, "nothing happened in 2025 in the test county");
  assert.ok(rowsRead(wholeYear) < 200, `a year's statistics read ${rowsRead(wholeYear)} rows`);
});

test("statistics: bad ranges are refused; only the office may ask", async () => {
  const office = (await cookieOf("office_admin"));
  assertError(await stats(office, "from=2026-13-01"), 400, "invalid_date");
  assertError(await stats(office, "from=2026-05-01&to=2026-04-01"), 400, "invalid_parameter");
  assertError(await stats((await login("scjg_head")).cookie), 403, "forbidden");
  assertError(await stats(null), 401, "unauthenticated");
});

test("whoever disposes takes the case; the head reassigns; the inbox filters by handler", async () => {
  const { receipt, cookie, view } = await acceptedCase();
  assert.equal(view.assignee, "王晓燕");
  const mine = (await allPages(cookie, "/api/staff/cases?assignee=me", "cases")).items;
  assert.ok(mine.some((c) => c.case_no === receipt.case_no && c.assignee === "王晓燕"));
  const nobody = (await allPages(cookie, "/api/staff/cases?assignee=none", "cases")).items;
  assert.ok(!nobody.some((c) => c.case_no === receipt.case_no));
  assert.ok(nobody.every((c) => c.assignee === null));

  const head = (await login("scjg_head")).cookie;
  const colleagues = (await staffGet(head, "/api/staff/colleagues")).body;
  const chen = colleagues.find((c) => c.name === "陈静") ?? assert.fail(JSON.stringify(colleagues));
  assert.ok(!colleagues.some((c) => c.name === "赵志强"), "only the department's own staff");
  assert.equal((await act(cookie, receipt.case_no, { version: view.version, action: "assign", staff_id: chen.id })).status, 403, "window staff do not assign");
  const ga = (await staffGet((await login("ga_window")).cookie, "/api/staff/me")).body;
  assert.equal((await act(head, receipt.case_no, { version: view.version, action: "assign", staff_id: ga.id })).status, 400, "not to another department");
  const moved = await act(head, receipt.case_no, { version: view.version, action: "assign", staff_id: chen.id });
  assert.equal(moved.status, 200, JSON.stringify(moved.body));
  assert.equal(moved.body.assignee, "陈静");
  assert.equal(moved.body.timeline.at(-1).note, "分派给陈静办理");
  const chens = (await allPages(head, `/api/staff/cases?assignee=${chen.id}`, "cases")).items;
  assert.ok(chens.some((c) => c.case_no === receipt.case_no));
  assert.ok(!((await allPages(cookie, "/api/staff/cases?assignee=me", "cases")).items).some((c) => c.case_no === receipt.case_no));
  assertError(await staffGet(cookie, "/api/staff/cases?assignee=abc"), 400, "invalid_parameter");
});
