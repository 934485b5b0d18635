// What a first visit costs a phone: every response the page fetches (HTML,
// JS, CSS, wasm, API data), raw and as the edge would send it compressed.
// `wrangler dev` serves uncompressed, so gzip and brotli are computed here
// (brotli at quality 11, as Cloudflare does for static assets).
import { readdirSync, readFileSync } from "node:fs";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { assertNoErrors, watchErrors } from "./browser.mjs";

export const PAGE_BUDGET_BROTLI = 150 * 1024;
/** The staff app's first screen, sign-in (issue 14: at most half of its
 * 286 KB brotli of 2026-11-26). */
export const STAFF_BUDGET_BROTLI = 143 * 1024;

const brotli = (body) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/**
 * Each staff app as built (frontend/dist/staff*.html, one per area:
 * shared/src/staff_app.rs): its shell and every file the shell and its
 * start script name (styles, JS, wasm), what a first visit fetches before
 * any API answer.
 */
export function staffApps(dist = "frontend/dist") {
  // `href="/…"`, `src="/…"`, `from "/…"`, `import("/…"`, `module_or_path: "/…"`.
  const local = (text) => [...text.matchAll(/(?:href=|src=|from |import\(|module_or_path: )"(\/[^"?]+)/g)].map((m) => m[1]);
  return readdirSync(dist)
    .filter((f) => /^staff(-[a-z]+)?\.html$/.test(f))
    .sort()
    .map((shell) => {
      const files = new Set([`/${shell}`]);
      for (const file of local(readFileSync(`${dist}/${shell}`, "utf8"))) {
        files.add(file);
        if (file.endsWith("-start.js")) local(readFileSync(`${dist}${file}`, "utf8")).forEach((f) => files.add(f));
      }
      return { name: shell.replace(/\.html$/, ""), files: [...files] };
    });
}

/** A staff app's files (`staffApps`), raw and brotli bytes. */
export function staffAppSize({ files }, dist = "frontend/dist") {
  const bodies = files.map((f) => readFileSync(`${dist}${f}`));
  return { raw: bodies.reduce((n, b) => n + b.length, 0), brotli: bodies.reduce((n, b) => n + brotli(b), 0) };
}

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

/**
 * Every response of a first visit to `url`, until `readySelector` shows and
 * the network is idle. `before(page)`, if given, runs first and its
 * responses are not counted (a staff session handed over).
 */
export async function measureFirstLoad(browser, url, readySelector, { before } = {}) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
  const page = watchErrors(await context.newPage());
  if (before) await before(page);
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
    brotli: brotli(body),
  }));
  const total = rows.reduce(
    (t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { rows, total };
}
