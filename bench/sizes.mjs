// Prints what ships: each applicant page's first load (every response, raw,
// gzip, brotli) against the 150 KB brotli budget, the staff sign-in's
// against its 143 KB and each staff app's first load, and each Worker's size
// against their 1 MB gzip budget. Run by scripts/bench.sh against a live stack.
import { handOverSession, launch } from "../tests/support/browser.mjs";
import { measureFirstLoad, PAGE_BUDGET_BROTLI, STAFF_BUDGET_BROTLI, staffAppSize, staffApps, WORKER_BUDGET_GZIP, workerSizes } from "../tests/support/weight.mjs";
import { submitFood } from "../tests/support/cases.mjs";
import { brotliCompressSync, constants } from "node:zlib";

const base = process.env.BASE_URL;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const { matter, receipt } = await submitFood();
const pages = [
  ["catalogue /", "/", ".card"],
  [`matter guide /matters/${matter.id}`, `/matters/${matter.id}`, "[data-testid=materials]"],
  [`application form /apply/${matter.id}`, `/apply/${matter.id}`, "form.apply"],
  ["tracking /track#no=…", `/track#no=${receipt.case_no}&code=${receipt.query_code}`, "[data-testid=progress]"],
];

// The staff apps, one per area (shared/src/staff_app.rs): the first screen,
// sign-in, within its budget; then each app's first page as the office's
// administrator opens it in a fresh browser (session handed over, not
// counted), API answers included. No budget but the sign-in's.
pages.push(["staff sign-in /staff/login", "/staff/login", "#username", STAFF_BUDGET_BROTLI]);
const office = { before: (page) => handOverSession(page, "office_admin") };
const staffPages = [
  ["staff inbox /staff", "/staff"],
  ["staff-account /staff/messages", "/staff/messages"],
  ["staff-cases /staff/overview", "/staff/overview"],
  ["staff-streamline /staff/dashboard", "/staff/dashboard"],
  ["staff-admin /staff/admin/accounts", "/staff/admin/accounts"],
  ["staff-hotline /staff/hotline", "/staff/hotline"],
  ["staff-supervision /staff/supervision", "/staff/supervision"],
  ["staff-complaints /staff/complaints", "/staff/complaints"],
  ["staff-transmit /staff/transmit", "/staff/transmit"],
  ["staff-information /staff/information", "/staff/information"],
];
for (const [name, path] of staffPages) pages.push([name, path, "main h1", Infinity, office]);

const browser = await launch();
const staffRows = [];
for (const [name, path, ready, budget = PAGE_BUDGET_BROTLI, options] of pages) {
  const { rows, total } = await measureFirstLoad(browser, base + path, ready, options);
  if (name.startsWith("staff")) staffRows.push({ page: name, raw: kb(total.raw), gzip: kb(total.gzip), brotli: kb(total.brotli) });
  console.log(`\n${name}: first load`);
  console.table(rows.map((r) => ({ url: r.url.replace(/\?v=\w+/, "?v=…").replace(/(no|code)=\w+/g, "$1=…"), raw: r.raw, gzip: r.gzip, brotli: r.brotli })));
  const verdict = budget === Infinity ? "no budget" : `${total.brotli <= budget ? "within" : "OVER"} the ${kb(budget)} budget`;
  console.log(`total: raw ${kb(total.raw)}, gzip ${kb(total.gzip)}, brotli ${kb(total.brotli)} (${verdict})`);
}
await browser.close();

// One row per staff app: first loads as measured above, and each app's own
// files as built (shell, styles, JS, wasm: tests/ops/staff_size.test.mjs).
console.log("\nstaff apps: first loads (browser, API answers included)");
console.table(staffRows);
console.log("staff apps: files as built (no API answers)");
console.table(staffApps().map((app) => ({ app: app.name, ...Object.fromEntries(Object.entries(staffAppSize(app)).map(([k, n]) => [k, kb(n)])) })));

// What the service worker (frontend/pwa/sw.js) downloads in the background
// once per build after an applicant's first page: the three applicant apps'
// assets and the catalogue's, the form's and tracking's pages (not part of any page's first load; the
// current app's files come from the browser's cache).
{
  const sw = await (await fetch(base + "/sw.js")).text();
  const urls = [...sw.matchAll(/"(\/[^"]*\?v=\w+)"/g)].map((m) => m[1]).concat("/", "/apply/", "/track");
  let brotli = 0;
  for (const url of urls) {
    const body = Buffer.from(await (await fetch(base + url)).arrayBuffer());
    brotli += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  console.log(`\nservice worker install: ${urls.length} files precached, brotli ${kb(brotli)} (in the background, once per build)`);
}


// Each Worker (wasm + JS) against the platform's 1 MB gzip budget, which
// tests/ops/worker_size.test.mjs holds.
for (const { name, gzip, raw } of workerSizes()) {
  console.log(`Worker ${name} (wasm + JS): raw ${kb(raw)}, gzip ${kb(gzip)} (budget 1024 KB gzip: ${gzip <= WORKER_BUDGET_GZIP ? "within" : "OVER"})`);
}
