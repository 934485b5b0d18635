// Prints what ships: each applicant page's first load (every response, raw,
// gzip, brotli) against the 150 KB brotli budget, and each Worker's size
// against their 1 MB gzip budget. Run by scripts/bench.sh against a live stack.
import { launch } from "../tests/support/browser.mjs";
import { measureFirstLoad, PAGE_BUDGET_BROTLI, WORKER_BUDGET_GZIP, workerSizes } from "../tests/support/weight.mjs";
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

// The staff app's first screen, sign-in (issue 14: at most half of its
// 286 KB brotli of 2026-11-26).
const STAFF_BUDGET_BROTLI = 143 * 1024;
pages.push(["staff sign-in /staff/login", "/staff/login", "#username", STAFF_BUDGET_BROTLI]);

const browser = await launch();
for (const [name, path, ready, budget = PAGE_BUDGET_BROTLI] of pages) {
  const { rows, total } = await measureFirstLoad(browser, base + path, ready);
  console.log(`\n${name}: first load`);
  console.table(rows.map((r) => ({ url: r.url.replace(/\?v=\w+/, "?v=…").replace(/(no|code)=\w+/g, "$1=…"), raw: r.raw, gzip: r.gzip, brotli: r.brotli })));
  const verdict = total.brotli <= budget ? "within" : "OVER";
  console.log(`total: raw ${kb(total.raw)}, gzip ${kb(total.gzip)}, brotli ${kb(total.brotli)} (${verdict} the ${kb(budget)} budget)`);
}
await browser.close();

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
