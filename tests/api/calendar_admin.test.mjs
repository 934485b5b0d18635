// The office maintains the working-day calendar; a missing next year is
// flagged from 1 November. (Saves use a far year so other tests' deadlines
// are untouched.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL, get } from "../support/http.mjs";
import { login, staffGet } from "../support/cases.mjs";

const post = async (cookie, body) => {
  const res = await fetch(`${BASE_URL}/api/office/calendar`, {
    method: "POST", headers: { "Content-Type": "application/json", Cookie: cookie }, body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
};

const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const [year, month] = today.split("-").map(Number);

test("a missing next year is flagged from 1 November, in the inbox too", async () => {
  const { cookie } = await login("scjg_window");
  const view = (await staffGet(cookie, "/api/office/calendar")).body;
  assert.equal(view.year, year + 1);
  assert.equal(view.published, false);
  const inbox = (await staffGet(cookie, "/api/staff/cases")).body;
  if (month >= 11) {
    assert.match(view.warning, new RegExp(`^${year + 1}年节假日安排尚未录入`));
    assert.ok(inbox.notices.some((n) => n.startsWith(`${year + 1}年节假日安排尚未录入`)));
  } else {
    assert.equal(view.warning, null);
  }
  const current = (await staffGet(cookie, `/api/office/calendar?year=${year}`)).body;
  assert.equal(current.published, true);
  assert.ok(current.calendar.holidays.some((h) => h.name === "春节"));
});

test("the office enters a year; bad entries are refused; deadlines follow it", async () => {
  const office = (await login("office_admin")).cookie;
  const dept = (await login("scjg_window")).cookie;
  const y2031 = {
    year: 2031,
    holidays: [{ date: "2031-01-01", name: "元旦" }, { date: "2031-01-02", name: "元旦" }],
    workdays: [{ date: "2031-01-04", name: "元旦调休上班" }],
  };
  assert.equal((await post(dept, y2031)).status, 403);
  const weekday = await post(office, { ...y2031, workdays: [{ date: "2031-01-06", name: "调休" }] });
  assert.equal(weekday.status, 400);
  assert.match(weekday.body.error.message, /调休上班日只能是周六或周日/);
  assert.equal((await post(office, { ...y2031, holidays: [{ date: "2030-12-31", name: "x" }] })).status, 400);
  assert.equal((await post(office, y2031)).status, 200);
  const saved = (await staffGet(office, "/api/office/calendar?year=2031")).body;
  assert.equal(saved.published, true);
  assert.deepEqual(saved.calendar, y2031);
  // Tue 2030-12-31 + 1: Jan 1-2 off, Fri 2031-01-03 is the first working day.
  const d = (await get("/api/calendar/deadline?accepted=2030-12-31&days=1")).body;
  assert.equal(d.deadline, "2031-01-03T23:59:59+08:00");
  assert.deepEqual(d.skipped.map((s) => s.reason), ["元旦", "元旦"]);
  const events = (await staffGet(office, "/api/office/events")).body.events;
  assert.equal(events[0].action, "set_calendar");
});
