// D1 rows read and latency of the office's requests at the current data
// size (RECORDS, for the label). Prints figures; asserts nothing.
import { login } from "../tests/support/cases.mjs";

const base = process.env.BASE_URL;
const records = process.env.RECORDS;
const { cookie } = await login("office_admin");
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
