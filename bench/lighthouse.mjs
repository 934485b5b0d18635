// Lighthouse 12 (mobile, simulated slow 4G: its default) three times on each
// applicant page and on the bare Leptos app (bench/bare, served by the same
// wrangler dev at /pkg/bare/), in Debian's Chromium. Prints the medians of
// the performance score, accessibility score, LCP and CLS, the LCP's ratio to
// the bare app's, and the bytes Lighthouse saw transferred (as the local
// server sends them: wrangler dev does not compress). Run by
// `scripts/bench.sh lighthouse` against a live stack; asserts nothing.
// LIGHTHOUSE_ONLY=catalogue measures the bare app and the pages so named;
// LIGHTHOUSE_THROTTLING=devtools throttles the network and CPU for real.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { submitFood } from "../tests/support/cases.mjs";

const base = process.env.BASE_URL;
const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const { matter, receipt } = await submitFood();
const pages = [
  ["bare Leptos app", "/pkg/bare/"],
  ["catalogue /", "/"],
  ["guide /matters/{id}", `/matters/${matter.id}`],
  ["form /apply/{id}", `/apply/${matter.id}`],
  ["tracking /track", `/track#no=${receipt.case_no}&code=${receipt.query_code}`],
  ["hotline /hotline", "/hotline"],
  ["complaints /complaints", "/complaints"],
].filter(([name], i) => i === 0 || !process.env.LIGHTHOUSE_ONLY || name.includes(process.env.LIGHTHOUSE_ONLY));

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
});
const results = [];
try {
  for (const [name, path] of pages) {
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const { lhr } = await lighthouse(base + path, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility"],
        // "devtools" throttles for real; the default, "simulate", estimates
        // from an unthrottled load (and counts a request started before the
        // first paint, e.g. the preloaded wasm, in the LCP's pessimistic graph).
        throttlingMethod: process.env.LIGHTHOUSE_THROTTLING ?? "simulate",
      });
      const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
      samples.push({
        perf: Math.round(lhr.categories.performance.score * 100),
        a11y: Math.round(lhr.categories.accessibility.score * 100),
        lcp: audit("largest-contentful-paint"),
        cls: audit("cumulative-layout-shift"),
        bytes: audit("total-byte-weight"),
      });
    }
    const m = (k) => median(samples.map((s) => s[k]));
    results.push({ name, perf: m("perf"), a11y: m("a11y"), lcp: m("lcp"), cls: m("cls"), bytes: m("bytes") });
  }
} finally {
  await chrome.kill();
}

const bare = results[0].lcp;
console.log(`Lighthouse 12, mobile, slow 4G (${process.env.LIGHTHOUSE_THROTTLING ?? "simulate"}); median of ${runs} runs each`);
console.log("| page                     | perf | a11y | LCP ms | LCP / bare |   CLS  | bytes (KB) |");
console.log("|--------------------------|------|------|--------|------------|--------|------------|");
for (const r of results) {
  const cells = [
    r.name.padEnd(24), String(r.perf).padStart(4), String(r.a11y).padStart(4), r.lcp.toFixed(0).padStart(6),
    (r.lcp / bare).toFixed(2).padStart(10), r.cls.toFixed(3).padStart(6), (r.bytes / 1024).toFixed(1).padStart(10),
  ];
  console.log(`| ${cells.join(" | ")} |`);
}
