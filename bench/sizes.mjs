// Prints what ships: each applicant page's first load (every response, raw,
// gzip, brotli) against the 150 KB brotli budget, and each Worker's size
// against their 1 MB gzip budget. Run by scripts/bench.sh against a live stack.
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

const browser = await launch();
for (const [name, path, ready] of pages) {
  const { rows, total } = await measureFirstLoad(browser, base + path, ready);
  console.log(`\n${name}: first load`);
  console.table(rows.map((r) => ({ url: r.url.replace(/\?v=\w+/, "?v=…").replace(/(no|code)=\w+/g, "$1=…"), raw: r.raw, gzip: r.gzip, brotli: r.brotli })));
  const verdict = total.brotli <= PAGE_BUDGET_BROTLI ? "within" : "OVER";
  console.log(`total: raw ${kb(total.raw)}, gzip ${kb(total.gzip)}, brotli ${kb(total.brotli)} (${verdict} the ${kb(PAGE_BUDGET_BROTLI)} budget)`);
}
await browser.close();


// Each Worker (wasm + JS) against the platform's 1 MB gzip budget: the
// portal, the office Worker it passes the office's lines of work to, and
// the notifier.
for (const [name, dir] of [["portal", "backend/build"], ["office", "backend/build-office"], ["notifier", "notifier/build"]]) {
  const files = ["index_bg.wasm", "index.js"].map((f) => readFileSync(`${dir}/${f}`));
  const raw = files.reduce((n, b) => n + b.length, 0);
  const gz = files.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
  console.log(`Worker ${name} (wasm + JS): raw ${kb(raw)}, gzip ${kb(gz)} (budget 1024 KB gzip: ${gz <= 1024 * 1024 ? "within" : "OVER"})`);
}
