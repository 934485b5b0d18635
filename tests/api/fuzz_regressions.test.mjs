// What the fuzzer (tests/fuzz/run.py, Schemathesis) found: each request once
// answered 500; now it is refused in the API's error shape, in Chinese, and
// nothing is written.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL, assertError } from "../support/http.mjs";
import { cookieOf, login } from "../support/cases.mjs";
import { allPages } from "../support/pages.mjs";

async function post(cookie, path, body) {
  const res = await fetch(BASE_URL + path, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cookie },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);

test("a meeting organised by a unit that does not exist: 400, not a foreign-key failure", async () => {
  const cookie = await cookieOf("office_admin");
  const title = `不存在的主办单位的会议（fuzz ${process.pid}）`;
  const res = await post(cookie, "/api/office/meetings", {
    title, organiser_department_id: 999999, date: today, duration_minutes: 60,
    participants: "县直各部门主要负责人", class: "class2", approved_by: "county_head",
    approval_date: today, approval_ref: "县长批示〔2026〕9号", plan_item_id: null,
  });
  assertError(res, 400, "invalid_parameter");
  assert.match(res.body.error.message, /主办单位不存在/);
  const year = today.slice(0, 4);
  const meetings = (await allPages(cookie, `/api/office/meetings?year=${year}&from=1&to=12`, "meetings")).items;
  assert.ok(!meetings.some((m) => m.title === title), "nothing registered");
});
