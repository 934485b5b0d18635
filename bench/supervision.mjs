// D1 rows read (and the median of a few timings) of supervision's unit
// inbox, the office's lists, an item's page, slips and the dashboard at
// the seeded size (TASKS, from bench/supervision-sql.mjs), beside the
// no-op route. Prints figures; asserts nothing.
import { clientIp, login } from "../tests/support/cases.mjs";

const base = process.env.BASE_URL;
const tasks = Number(process.env.TASKS);
const runs = Number(process.env.RUNS ?? 30);
const unit = (await login("zj_window")).cookie;
const office = (await login("office_admin")).cookie;
const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const lastYear = Number(today.slice(0, 4)) - 1;

const requests = [
  ["no-op /api/health", ["/api/health"]],
  ["unit inbox: open, by deadline", ["/api/supervision/tasks", unit]],
  ["unit: struck off, latest first", ["/api/supervision/tasks?view=closed", unit]],
  ["office: open tasks", ["/api/supervision/tasks", office]],
  ["office: overdue tasks", ["/api/supervision/tasks?view=overdue", office]],
  ["office: items, newest first", ["/api/supervision/items", office]],
  ["one item's page", ["/api/supervision/items/DB00000002", office]],
  ["slips, newest first", ["/api/supervision/slips", office]],
  ["dashboard: this year", ["/api/supervision/dashboard", office]],
  [`dashboard: ${lastYear}-01-01 to today`, [`/api/supervision/dashboard?from=${lastYear}-01-01&to=${today}`, office]],
];

for (const [name, [path, cookie]] of requests) {
  const times = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const headers = { "CF-Connecting-IP": clientIp(), ...(cookie ? { Cookie: cookie } : {}) };
    const start = performance.now();
    const res = await fetch(base + path, { headers });
    await res.arrayBuffer();
    times.push(performance.now() - start);
    if (!res.ok) throw new Error(`${name}: ${res.status}`);
    rows = Number(res.headers.get("x-d1-rows-read"));
  }
  times.sort((a, b) => a - b);
  console.log(`| ${String(tasks).padStart(7)} | ${name.padEnd(36)} | ${String(rows).padStart(9)} | ${times[Math.floor(runs / 2)].toFixed(1).padStart(7)} |`);
}
