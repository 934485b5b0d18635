// D1 rows read and latency of the inbox, tracking and statistics requests at
// the seeded size (CASES, from bench/cases-sql.mjs), against the no-op route
// on the same server, with CONCURRENCY requests in flight. Prints figures;
// asserts nothing.
import { clientIp, login } from "../tests/support/cases.mjs";
import { BENCH_CODE } from "./cases-sql.mjs";

const base = process.env.BASE_URL;
const cases = Number(process.env.CASES);
const runs = Number(process.env.RUNS ?? 60);
const concurrency = Number(process.env.CONCURRENCY ?? 4);
const window = (await login("scjg_window")).cookie;
const office = (await login("office_admin")).cookie;
const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const lastYear = Number(today.slice(0, 4)) - 1;
const someCase = () => `BM${String(1 + Math.floor(Math.random() * cases)).padStart(8, "0")}`;

const requests = [
  ["no-op /api/health", () => "/api/health", null],
  ["inbox: a department's open cases", () => "/api/staff/cases", window],
  ["inbox: not yet assigned", () => "/api/staff/cases?assignee=none", window],
  ["inbox: completed (history)", () => "/api/staff/cases?state=completed", window],
  ["office: overdue across departments", () => "/api/office/overview", office],
  ["tracking one case", () => `/api/track/${someCase()}?code=${BENCH_CODE}`, null],
  ["statistics: this year", () => "/api/office/statistics", office],
  [`statistics: ${lastYear}-01-01 to today`, () => `/api/office/statistics?from=${lastYear}-01-01&to=${today}`, office],
];

for (const [name, path, cookie] of requests) {
  const times = [];
  const rows = new Set();
  let next = 0;
  const worker = async () => {
    while (next++ < runs) {
      const headers = { "CF-Connecting-IP": clientIp(), ...(cookie ? { Cookie: cookie } : {}) };
      const t = performance.now();
      const res = await fetch(base + path(), { headers });
      await res.text();
      times.push(performance.now() - t);
      if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
      rows.add(Number(res.headers.get("x-d1-rows-read")));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
  const read = [...rows].sort((a, b) => a - b);
  const readText = read.length === 1 ? String(read[0]) : `${read[0]}–${read.at(-1)}`;
  console.log(
    `| ${String(cases).padStart(7)} | ${name.padEnd(36)} | ${readText.padStart(9)} | ${q(0.5).padStart(7)} | ${q(0.9).padStart(7)} | ${q(0.99).padStart(7)} |`,
  );
}
