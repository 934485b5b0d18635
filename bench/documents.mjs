// D1 rows read (and the median of a few timings) of document transmission's
// lists, the sender's page, a unit's copy, the chain's check and the
// figures at the seeded size (DOCUMENTS, from bench/documents-sql.mjs),
// beside the no-op route. Prints figures; asserts nothing.
import { clientIp, login } from "../tests/support/cases.mjs";

const base = process.env.BASE_URL;
const documents = Number(process.env.DOCUMENTS);
const runs = Number(process.env.RUNS ?? 30);
const unit = (await login("zj_window")).cookie;
const office = (await login("office_admin")).cookie;
const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const lastYear = Number(today.slice(0, 4)) - 1;

const requests = [
  ["no-op /api/health", ["/api/health"]],
  ["office: documents, newest first", ["/api/documents", office]],
  ["unit inbox, newest first", ["/api/documents", unit]],
  ["sender's page (one document)", ["/api/documents/FWB0000002", office]],
  ["unit's copy (one document)", ["/api/documents/FWB0000002", unit]],
  ["receipt chain check", ["/api/documents/FWB0000002/verify", office]],
  ["figures: this year", ["/api/documents/figures", office]],
  [`figures: ${lastYear}-01-01 to today`, [`/api/documents/figures?from=${lastYear}-01-01&to=${today}`, office]],
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
  console.log(`| ${String(documents).padStart(9)} | ${name.padEnd(36)} | ${String(rows).padStart(9)} | ${times[Math.floor(runs / 2)].toFixed(1).padStart(7)} |`);
}
