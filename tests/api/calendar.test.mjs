// GET /api/calendar/deadline against the real Worker and local D1 holding
// the official calendar loaded by migration.
import { test } from "node:test";
import assert from "node:assert/strict";
import { get, assertError, rowsRead } from "../support/http.mjs";
import { login, staffGet } from "../support/cases.mjs";

const deadline = (q) => get(`/api/calendar/deadline?${q}`);

test("the specification's example: Spring Festival moves the deadline", async () => {
  const res = await deadline("accepted=2026-02-13&days=5");
  assert.equal(res.status, 200);
  assert.deepEqual(
    { accepted: res.body.accepted, days: res.body.days, deadline: res.body.deadline, warnings: res.body.warnings },
    { accepted: "2026-02-13", days: 5, deadline: "2026-02-27T23:59:59+08:00", warnings: [] },
  );
  assert.deepEqual(
    res.body.skipped.map((s) => [s.date, s.reason]),
    ["15", "16", "17", "18", "19", "20", "21", "22", "23"].map((d) => [`2026-02-${d}`, "春节"]),
  );
  assert.ok(rowsRead(res) <= 3, "a deadline reads one calendar row per year");
});

test("weekends are named and swapped working days count", async () => {
  const res = await deadline("accepted=2026-09-18&days=2");
  assert.equal(res.status, 200);
  // Sat 09-19 skipped, Sun 09-20 is a swapped working day (1), Mon 09-21 (2).
  assert.equal(res.body.deadline, "2026-09-21T23:59:59+08:00");
  assert.deepEqual(res.body.skipped, [{ date: "2026-09-19", kind: "weekend", reason: "周六" }]);
});

const dayBefore = (date) => new Date(Date.parse(`${date}T00:00:00Z`) - 86400e3).toISOString().slice(0, 10);
const isWeekend = (date) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

test("every official swapped workday is a working day, and every official holiday is not", async () => {
  const { cookie } = await login("scjg_window");
  for (const year of [2025, 2026]) {
    const { calendar } = (await staffGet(cookie, `/api/office/calendar?year=${year}`)).body;
    assert.ok(calendar.workdays.length >= 5 && calendar.holidays.length >= 25, `${year}: the official arrangement`);
    for (const w of calendar.workdays) {
      assert.ok(isWeekend(w.date), `${w.date} is a Saturday or Sunday`);
      // One working day after the day before it ends on it: it counts.
      const res = await deadline(`accepted=${dayBefore(w.date)}&days=1`);
      assert.equal(res.body.deadline, `${w.date}T23:59:59+08:00`, `${w.date} ${w.name} is a working day`);
    }
    for (const h of calendar.holidays) {
      // One working day after the day before it ends later, skipping it by name.
      const res = await deadline(`accepted=${dayBefore(h.date)}&days=1`);
      assert.ok(res.body.deadline.slice(0, 10) > h.date, `${h.date} ${h.name} is not a working day`);
      assert.deepEqual(res.body.skipped.find((s) => s.date === h.date), { date: h.date, kind: "holiday", reason: h.name });
    }
  }
});

test("zero days: the acceptance day itself", async () => {
  const res = await deadline("accepted=2025-10-01&days=0");
  assert.equal(res.status, 200);
  assert.equal(res.body.deadline, "2025-10-01T23:59:59+08:00");
  assert.deepEqual(res.body.skipped, []);
});

test("crossing into a year with no published calendar answers with a warning", async () => {
  const res = await deadline("accepted=2026-12-30&days=3");
  assert.equal(res.status, 200);
  assert.equal(res.body.deadline, "2027-01-04T23:59:59+08:00");
  assert.equal(res.body.warnings.length, 1);
  assert.equal(res.body.warnings[0].code, "calendar_unpublished");
  assert.match(res.body.warnings[0].message, /2027年/);
});

test("a year long before the calendar still answers, with a warning", async () => {
  const res = await deadline("accepted=2030-06-03&days=10");
  assert.equal(res.status, 200);
  assert.equal(res.body.deadline, "2030-06-17T23:59:59+08:00");
  assert.match(res.body.warnings[0].message, /2030年/);
});

test("bad input answers 400 with a stable code and a Chinese message", async () => {
  const cases = [
    ["days=5", "missing_parameter"],
    ["accepted=2026-02-13", "missing_parameter"],
    ["", "missing_parameter"],
    ["accepted=2026-02-30&days=5", "invalid_date"],
    ["accepted=2026-2-3&days=5", "invalid_date"],
    ["accepted=yesterday&days=5", "invalid_date"],
    ["accepted=2026-02-13&days=-1", "invalid_days"],
    ["accepted=2026-02-13&days=366", "invalid_days"],
    ["accepted=2026-02-13&days=1.5", "invalid_days"],
    ["accepted=2026-02-13&days=five", "invalid_days"],
  ];
  for (const [q, code] of cases) {
    assertError(await deadline(q), 400, code);
  }
});

test("the limits of days are inclusive", async () => {
  assert.equal((await deadline("accepted=2026-02-13&days=365")).status, 200);
});

test("unknown API routes and methods answer JSON errors too", async () => {
  assertError(await get("/api/nothing-here"), 404, "not_found");
  const res = await fetch(new URL("/api/calendar/deadline?accepted=2026-02-13&days=5", process.env.BASE_URL), { method: "POST" });
  const body = await res.json();
  assert.equal(res.status, 404);
  assert.equal(body.error.code, "not_found");
});
