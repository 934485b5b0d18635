// D1 rows read and latency of the office's requests at the current data
// size (RECORDS, for the label). Prints figures; asserts nothing.
import { cookieOf, login } from "../tests/support/cases.mjs";

const base = process.env.BASE_URL;
const records = process.env.RECORDS;
const cookie = await cookieOf("office_admin");
const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const year = today.slice(0, 4);
const requests = [
  ["dashboard (this year)", `/api/office/dashboard?year=${year}`],
  ["dashboard (last year)", `/api/office/dashboard?year=${year - 1}`],
  ["meeting list, one month", `/api/office/meetings?year=${year}&from=3&to=3`],
  ["pending documents", "/api/office/documents?state=pending"],
  ["no-op /api/health", "/api/health"],
];
for (const [name, path] of requests) {
  const times = [];
  let rows = 0;
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    const res = await fetch(base + path, { headers: { Cookie: cookie } });
    await res.text();
    times.push(performance.now() - t);
    rows = Number(res.headers.get("x-d1-rows-read"));
  }
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.floor(p * (times.length - 1))].toFixed(1);
  console.log(`${String(records).padStart(7)} records | ${name.padEnd(26)} | rows read ${String(rows).padStart(6)} | median ${q(0.5)} ms, p90 ${q(0.9)} ms`);
}

// One review of a document request, whatever the table holds: a new request
// from the department, approved by the office (the guarded writes read the
// request by its id).
const dept = (await login("scjg_window")).cookie;
const post = async (cookie, path, body) => {
  const res = await fetch(base + path, {
    method: "POST", headers: { "Content-Type": "application/json", Cookie: cookie }, body: JSON.stringify(body),
  });
  return { rows: Number(res.headers.get("x-d1-rows-read")), body: await res.json() };
};
const reviews = [];
for (let i = 0; i < 5; i++) {
  const created = await post(dept, "/api/office/documents", {
    subject: `基准测试发文${Date.now()}-${i}`, proposed_level: "county_office", drafting_departments: [1],
    within_one_department: true, needs_government_authority: false, nature: "work_arrangement", length_chars: 500,
  });
  const review = await post(cookie, `/api/office/documents/${created.body.id}/review`, { version: created.body.version, decision: "approve" });
  reviews.push(review.rows);
}
console.log(`${String(records).padStart(7)} records | ${"review of a document".padEnd(26)} | rows read ${String(Math.max(...reviews)).padStart(6)} (max of ${reviews.length})`);
