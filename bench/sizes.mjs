// Prints what ships: each applicant page's first load (every response, raw,
// gzip, brotli) against the 150 KB brotli budget, and the Worker's size
// against its 1 MB gzip budget. Run by scripts/bench.sh against a live stack.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { launch } from "../tests/support/browser.mjs";
import { measureFirstLoad, PAGE_BUDGET_BROTLI } from "../tests/support/weight.mjs";
import { submitFood } from "../tests/support/cases.mjs";

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


const worker = ["backend/build/index_bg.wasm", "backend/build/index.js"].map((f) => readFileSync(f));
const raw = worker.reduce((n, b) => n + b.length, 0);
const gz = worker.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
console.log(`\nWorker (wasm + JS): raw ${kb(raw)}, gzip ${kb(gz)} (budget 1024 KB gzip: ${gz <= 1024 * 1024 ? "within" : "OVER"})`);
