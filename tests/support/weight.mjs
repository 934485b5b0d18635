// What a first visit costs a phone: every response the page fetches (HTML,
// JS, CSS, wasm, API data), raw and as the edge would send it compressed.
// `wrangler dev` serves uncompressed, so gzip and brotli are computed here
// (brotli at quality 11, as Cloudflare does for static assets).
import { readFileSync } from "node:fs";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { assertNoErrors, watchErrors } from "./browser.mjs";

export const PAGE_BUDGET_BROTLI = 150 * 1024;
/** The platform's limit for one Worker's upload (wasm + JS), gzip. */
export const WORKER_BUDGET_GZIP = 1024 * 1024;

/** Each Worker the stack runs, as built: raw and gzip bytes (level 9). */
export function workerSizes() {
  const workers = { portal: "backend/build", office: "backend/build-office", notifier: "notifier/build" };
  return Object.entries(workers).map(([name, dir]) => {
    const files = ["index_bg.wasm", "index.js"].map((f) => readFileSync(`${dir}/${f}`));
    return {
      name,
      raw: files.reduce((n, b) => n + b.length, 0),
      gzip: files.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
    };
  });
}

export async function measureFirstLoad(browser, url, readySelector) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
  const page = watchErrors(await context.newPage());
  const pending = [];
  page.on("response", (res) => {
    pending.push(
      res.body().then(
        (body) => ({ url: new URL(res.url()).pathname + new URL(res.url()).search, status: res.status(), body }),
        () => null,
      ),
    );
  });
  await page.goto(url);
  await page.locator(readySelector).first().waitFor();
  await page.waitForLoadState("networkidle");
  const responses = (await Promise.all(pending)).filter(Boolean);
  assertNoErrors(page);
  await context.close();
  const rows = responses.map(({ url, status, body }) => ({
    url,
    status,
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  }));
  const total = rows.reduce(
    (t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { rows, total };
}
