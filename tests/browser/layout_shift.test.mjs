// Issue 14: nothing on an applicant page moves as it loads (CLS < 0.05 on a
// 360×740 phone), measured by the browser's own layout-shift entries
// (PerformanceObserver 'layout-shift', as Lighthouse counts them), on each
// applicant page from a first visit until its content is in and the network
// is idle. No timing: each page's content is waited for by what it shows.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL } from "../support/http.mjs";
import { appStarted, assertNoErrors, launch, phonePage } from "../support/browser.mjs";
import { submitFood } from "../support/cases.mjs";

const CLS_LIMIT = 0.05;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Sums the shifts and names the elements that moved. Every shift counts:
// the test gives no input, yet Chromium driven by Playwright marks shifts
// `hadRecentInput` (seen here on the catalogue's 0.58), which Lighthouse's
// CLS would leave out.
function observeShifts() {
  window.__shifts = { total: 0, moved: [] };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__shifts.total += entry.value;
      for (const s of entry.sources ?? []) {
        const n = s.node;
        window.__shifts.moved.push(n ? `${n.nodeName}.${n.className ?? ""}#${n.id ?? ""}` : "?");
      }
    }
  }).observe({ type: "layout-shift", buffered: true });
}

// Two frames: what was rendered has been painted, and its entries delivered.
const twoFrames = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

async function shiftsOf(path, ready) {
  const page = await phonePage(browser);
  await page.addInitScript(observeShifts);
  // On a phone the API answers after the app's first paint; on this machine
  // it could answer before it and hide a shift. So the API's answers are
  // held until the app has painted its first frame: an order, not a delay.
  let release;
  const painted = new Promise((resolve) => { release = resolve; });
  await page.route("**/api/**", async (route) => { await painted; await route.continue(); });
  await page.goto(BASE_URL + path);
  // The served first screen (if the page has one) has been replaced by the
  // app: the shifts that count include the app taking its place.
  await appStarted(page);
  await page.locator("main").waitFor();
  await twoFrames(page);
  release();
  await page.locator(ready).first().waitFor();
  await page.waitForLoadState("networkidle");
  await twoFrames(page);
  const shifts = await page.evaluate(() => window.__shifts);
  assertNoErrors(page);
  await page.context().close();
  return shifts;
}

test("applicant pages do not shift as they load (CLS < 0.05 at 360×740)", async () => {
  const { matter, receipt } = await submitFood();
  const pages = [
    ["/", ".card"],
    [`/matters/${matter.id}`, "[data-testid=materials]"],
    [`/apply/${matter.id}`, "form.apply"],
    [`/track#no=${receipt.case_no}&code=${receipt.query_code}`, "[data-testid=progress]"],
    ["/hotline", "main h1"],
    ["/complaints", "main h1"],
  ];
  const failures = [];
  for (const [path, ready] of pages) {
    const { total, moved } = await shiftsOf(path, ready);
    if (!(total < CLS_LIMIT)) failures.push(`${path.split("#")[0]}: CLS ${total.toFixed(3)} (moved: ${[...new Set(moved)].join(", ")})`);
  }
  assert.deepEqual(failures, []);
});
