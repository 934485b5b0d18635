// D1 rows read (and the median of a few timings) of the hotline's unit
// inbox, the office's queue, the figures page and the caller's look-up at
// the seeded size (TICKETS, from bench/tickets-sql.mjs). Prints figures;
// asserts nothing.
import { clientIp, cookieOf, login } from "../tests/support/cases.mjs";
import { TRACKED, benchTicket, codeFor } from "./tickets-sql.mjs";

const base = process.env.BASE_URL;
const tickets = Number(process.env.TICKETS);
const runs = Number(process.env.RUNS ?? 50);
const unit = (await login("zj_window")).cookie;
const office = (await cookieOf("office_admin"));
const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const lastYear = Number(today.slice(0, 4)) - 1;

const someTicket = () => benchTicket(1 + Math.floor(Math.random() * Math.min(tickets, TRACKED)));
const requests = [
  ["no-op /api/health", () => ["/api/health"]],
  ["no-op in the office Worker", () => ["/api/health/office"]],
  ["unit inbox: open, by deadline", () => ["/api/hotline/tickets", unit]],
  ["unit inbox: closed", () => ["/api/hotline/tickets?view=closed", unit]],
  ["office queue: open", () => ["/api/hotline/tickets", office]],
  ["office: closed, latest first", () => ["/api/hotline/tickets?view=closed", office]],
  ["figures: this year", () => ["/api/hotline/figures", office]],
  [`figures: ${lastYear}-01-01 to today`, () => [`/api/hotline/figures?from=${lastYear}-01-01&to=${today}`, office]],
  ["figures: one unit, this year", () => ["/api/hotline/figures?unit=4", office]],
  ["caller's look-up", () => { const no = someTicket(); return [`/api/hotline/track/${no}`, null, { code: codeFor(no) }]; }],
];

for (const [name, make] of requests) {
  const times = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    const [path, cookie, body] = make();
    const headers = { "CF-Connecting-IP": clientIp(), ...(cookie ? { Cookie: cookie } : {}), ...(body ? { "Content-Type": "application/json" } : {}) };
    const start = performance.now();
    const res = await fetch(base + path, body ? { method: "POST", headers, body: JSON.stringify(body) } : { headers });
    await res.arrayBuffer();
    times.push(performance.now() - start);
    if (!res.ok) throw new Error(`${name}: ${res.status}`);
    rows = Number(res.headers.get("x-d1-rows-read"));
  }
  times.sort((a, b) => a - b);
  console.log(`| ${String(tickets).padStart(7)} | ${name.padEnd(36)} | ${String(rows).padStart(9)} | ${times[Math.floor(runs / 2)].toFixed(1).padStart(7)} |`);
}
