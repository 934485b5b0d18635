// D1 rows read and latency of the inbox, tracking and statistics requests at
// the seeded size (CASES, from bench/cases-sql.mjs), against the no-op route
// on the same server. Each request is timed RUNS times (default 1,000, so
// p99 is the 990th of 1,000 times, not the largest of a few; the largest is
// printed as max) with CONCURRENCY requests in flight (default 4), after 20
// untimed warm-up requests. Then the tracking route, the no-op route and
// the office Worker's no-op again with IN_FLIGHT requests in flight
// (default 50): what a burst costs beyond the server's own queueing. Prints figures; asserts nothing.
import { clientIp, cookieOf, login } from "../tests/support/cases.mjs";
import { TRACKED, benchCase, codeFor, longHistoryCase } from "./cases-sql.mjs";

const base = process.env.BASE_URL;
const cases = Number(process.env.CASES);
const runs = Number(process.env.RUNS ?? 1000);
const concurrency = Number(process.env.CONCURRENCY ?? 4);
const inFlight = Number(process.env.IN_FLIGHT ?? 50);
const warmUp = 20;
const window = (await login("scjg_window")).cookie;
const office = (await cookieOf("office_admin"));
const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const lastYear = Number(today.slice(0, 4)) - 1;
// One of the seeded cases whose query code the bench can derive.
const someCase = () => benchCase(1 + Math.floor(Math.random() * Math.min(cases, TRACKED)));

/** The cursor `pages` pages into `path`: a later page must read no more than the first. */
async function cursorAfter(cookie, path, pages) {
  let after = "";
  for (let i = 0; i < pages; i++) {
    const res = await fetch(`${base}${path}${after ? `&after=${encodeURIComponent(after)}` : ""}`, { headers: { Cookie: cookie } });
    after = (await res.json()).next ?? after;
  }
  return after;
}
const tenthHistoryPage = await cursorAfter(window, "/api/staff/cases?state=completed", 10);

const noop = ["no-op /api/health", () => "/api/health", null];
// The same no-op in the office Worker: what the portal's hop to it costs.
const officeNoop = ["no-op in the office Worker", () => "/api/health/office", null];
// The code in the body, as the tracking page sends it.
const lookUp = (no) => ({ path: `/api/track/${no}`, json: { code: codeFor(no) } });
const tracking = ["tracking one case", () => lookUp(someCase()), null];
let longOnes = 0;
const trackingLong = ["tracking, 40 more events and 6 pauses", () => lookUp(longHistoryCase(longOnes++)), null];
const requests = [
  noop,
  officeNoop,
  ["inbox: a department's open cases", () => "/api/staff/cases", window],
  ["inbox: not yet assigned", () => "/api/staff/cases?assignee=none", window],
  ["inbox: completed (history)", () => "/api/staff/cases?state=completed", window],
  ["inbox: history, 11th page", () => `/api/staff/cases?state=completed&after=${encodeURIComponent(tenthHistoryPage)}`, window],
  ["office: overdue across departments", () => "/api/office/overview", office],
  tracking,
  trackingLong,
  ["statistics: this year", () => "/api/office/statistics", office],
  [`statistics: ${lastYear}-01-01 to today`, () => `/api/office/statistics?from=${lastYear}-01-01&to=${today}`, office],
];

/** Times `n` requests with `parallel` in flight; the rows read each reported. */
async function measure([name, path, cookie], n, parallel) {
  const times = [];
  const rows = new Set();
  let started = 0;
  const one = async () => {
    // A fresh address each time: tracking is throttled per address.
    const headers = { "CF-Connecting-IP": clientIp(), ...(cookie ? { Cookie: cookie } : {}) };
    const target = path();
    const { path: url, json } = typeof target === "string" ? { path: target } : target;
    const init = json ? { method: "POST", headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify(json) } : { headers };
    const t = performance.now();
    const res = await fetch(base + url, init);
    await res.text();
    const ms = performance.now() - t;
    if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
    rows.add(res.headers.get("x-d1-rows-read"));
    return ms;
  };
  for (let i = 0; i < warmUp; i++) await one();
  rows.clear();
  const worker = async () => {
    while (started++ < n) times.push(await one());
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return { name, times: times.sort((a, b) => a - b), rows: [...rows] };
}

/** Nearest rank: the smallest time with at least fraction `p` of the times at or below it. */
const percentile = (sorted, p) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];

function print({ name, times, rows }, parallel) {
  const read = rows.every((r) => r === null) ? "–" : (() => {
    const n = rows.map(Number).sort((a, b) => a - b);
    return n[0] === n.at(-1) ? String(n[0]) : `${n[0]}–${n.at(-1)}`;
  })();
  const ms = (v) => v.toFixed(1).padStart(7);
  console.log(
    `| ${String(cases).padStart(7)} | ${name.padEnd(36)} | ${String(parallel).padStart(9)} | ${String(times.length).padStart(5)} | ${read.padStart(9)} ` +
      `| ${ms(percentile(times, 0.5))} | ${ms(percentile(times, 0.9))} | ${ms(percentile(times, 0.99))} | ${ms(times.at(-1))} |`,
  );
}

for (const request of requests) print(await measure(request, runs, concurrency), concurrency);
for (const request of [noop, officeNoop, tracking]) print(await measure(request, runs, inFlight), inFlight);
