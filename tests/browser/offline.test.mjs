// Issue 14, an installable app: Chromium finds it installable; its service
// worker (frontend/pwa/sw.js) installs on a first visit, and with the
// network off the catalogue opens and a guide opened before shows, under a
// notice that says so and when the copy was saved; an API answer is never
// served from the cache as if fresh; the notice goes when the network is
// back. Every wait is on a condition (the worker ready, a copy kept, the
// notice's text), none on time. What is served: tests/api/installable.test.mjs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL } from "../support/http.mjs";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { appStarted, assertNoErrors, launch, phonePage, screenshot, watchErrors } from "../support/browser.mjs";
import { matterByName } from "../support/cases.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const OFFLINE = "当前处于离线状态";

/**
 * The page's fetch of `path`: its status and the worker's mark, or
 * "failed". Past the browser's HTTP cache, which may keep a catalogue
 * answer for the minute its Cache-Control allows: the worker's own copy
 * is what is tested.
 */
const pageFetch = (page, path) =>
  page.evaluate(async (path) => {
    try {
      const res = await fetch(path, { cache: "no-store" });
      return { status: res.status, saved: res.headers.get("X-Offline-Saved") };
    } catch {
      return "failed";
    }
  }, path);

test("Chromium finds the applicant app installable, with the manifest's icons", async () => {
  // A profile on disk: Chromium installs nothing from an incognito one,
  // which every new context of a launched browser is.
  const profile = mkdtempSync(join(tmpdir(), "installable-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
  });
  const page = watchErrors(await context.newPage());
  await page.goto(BASE_URL + "/");
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  assert.deepEqual(installabilityErrors, []);
  const { url, errors } = await cdp.send("Page.getAppManifest");
  assert.equal(new URL(url).pathname, "/manifest.webmanifest");
  assert.deepEqual(errors, []);
  assertNoErrors(page);
  await context.close();
  rmSync(profile, { recursive: true, force: true });
});

test("offline, the catalogue and a guide opened before show, marked as saved copies; back online the notice goes", async () => {
  const matter = await matterByName("食品经营许可（新办）");
  const guide = `/matters/${matter.id}`;
  const page = await phonePage(browser);
  // A first visit, straight to a guide: the worker is not there yet, and
  // keeps the page and what it read once it is.
  await page.goto(BASE_URL + guide);
  await page.getByRole("heading", { level: 1, name: matter.name }).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  // The guide's page (its data inside, as the Worker serves it), its form's
  // and the catalogue's.
  await page.waitForFunction(async (paths) => (await Promise.all(paths.map((p) => caches.match(p)))).every(Boolean), [guide, `/apply/${matter.id}`, "/"]);
  // A second guide, kept under its own URL: offline, neither stands in for
  // the other.
  // Opened from a shared link, with a query: kept as its own page all the same.
  const other = await matterByName("药品零售企业经营许可");
  await page.goto(`${BASE_URL}/matters/${other.id}?from=singlemessage`);
  await page.getByRole("heading", { level: 1, name: other.name }).waitFor();
  await page.waitForFunction((p) => caches.match(p).then(Boolean), `/matters/${other.id}`);
  const notice = page.locator('.offline[role="status"]');
  assert.equal(await notice.textContent(), "", "no notice while online");

  // Online, an answer comes from the network, unmarked.
  assert.deepEqual(await pageFetch(page, `/api/matters/${matter.id}`), { status: 200, saved: null });

  // Offline, Chromium logs each request that finds no network (the
  // favicon, the requests below that must fail): anything else is an error.
  assertNoErrors(page);
  const offlineErrors = [];
  page.on("pageerror", (e) => offlineErrors.push(e.message));
  // (ERR_FAILED: a request the worker has no copy for, e.g. the answer of
  // a guide never opened.)
  page.on("console", (m) => m.type() === "error" && !/net::ERR_(INTERNET_DISCONNECTED|FAILED)/.test(m.text()) && offlineErrors.push(m.text()));
  await page.context().setOffline(true);
  await notice.filter({ hasText: OFFLINE }).waitFor();
  assert.match(await notice.textContent(), /提交的申请会先保存在本手机上，恢复网络后自动发送/);

  // The catalogue opens (its shell carries its data: a saved copy).
  await page.goto(BASE_URL + "/");
  await appStarted(page);
  assert.ok((await page.locator(".card").count()) >= 40);
  await notice.filter({ hasText: OFFLINE }).waitFor();
  await notice.filter({ hasText: /当前显示的是 .+ 时保存的内容/ }).waitFor();

  // A guide never opened (its own copy missing) does not show one opened
  // before, whatever that one's URL carried (a shared link's query).
  const never = await matterByName("普通护照签发");
  await page.goto(`${BASE_URL}/matters/${never.id}`);
  await appStarted(page);
  await page.locator("main").waitFor();
  for (const seen of [matter, other]) {
    assert.equal(await page.getByRole("heading", { level: 1, name: seen.name }).count(), 0, `offline, /matters/${never.id} is not ${seen.name}'s guide`);
  }

  // Each guide opened before, from a new navigation, shows its own matter.
  await page.goto(`${BASE_URL}/matters/${other.id}`);
  await page.getByRole("heading", { level: 1, name: other.name }).waitFor();
  await page.goto(BASE_URL + guide);
  await page.getByRole("heading", { level: 1, name: matter.name }).waitFor();
  await page.getByTestId("materials").getByText("营业执照", { exact: true }).waitFor();
  await notice.filter({ hasText: /当前显示的是 .+ 时保存的内容/ }).waitFor();
  await screenshot(page, "offline-guide-360");

  // Its "在线申请" opens the form (never opened before), with the matter:
  // the worker kept it with the guide, and the form app's assets on install.
  await page.getByRole("link", { name: "在线申请" }).click();
  await page.getByRole("heading", { level: 1, name: `在线申请：${matter.name}` }).waitFor();
  await page.locator("form.apply input").first().waitFor();
  await notice.filter({ hasText: OFFLINE }).waitFor();
  await page.goBack();
  await page.getByRole("heading", { level: 1, name: matter.name }).waitFor();

  // An API answer offline: a kept catalogue answer only marked as a saved
  // copy; anything else (never kept) fails as the network does.
  const copy = await pageFetch(page, `/api/matters/${matter.id}`);
  assert.equal(copy.status, 200);
  assert.ok(!Number.isNaN(Date.parse(copy.saved)), `marked with when it was saved: ${JSON.stringify(copy)}`);
  assert.equal(await pageFetch(page, "/api/health"), "failed");
  assert.equal(await pageFetch(page, "/api/matters?q=%E9%A3%9F%E5%93%81"), "failed", "a search's answer is not kept");

  await page.context().setOffline(false);
  await page.waitForFunction(() => document.querySelector(".offline").textContent === "");
  assert.deepEqual(await pageFetch(page, `/api/matters/${matter.id}`), { status: 200, saved: null });

  // What the worker keeps: this build's assets, applicant pages, catalogue
  // answers; nothing of the staff's, no other API answer.
  const kept = await page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) {
      for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname + new URL(req.url).search);
    }
    return urls;
  });
  for (const url of kept) {
    assert.match(url, /^\/(\?shell=\w+)?$|^\/((matters|apply)\/\d+|track|hotline|complaints)$|^\/api\/(departments|matters)(\/\d+)?$|^\/(pkg\/[\w-]+\.(js|wasm)|style\.css)\?v=\w+$/, url);
    assert.doesNotMatch(url, /staff/, url);
  }
  assert.deepEqual(offlineErrors, []);
  await page.context().close();
});

test("offline, the staff pages are not answered from any cache", async () => {
  const page = await phonePage(browser);
  await page.goto(BASE_URL + "/");
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.goto(BASE_URL + "/staff/login");
  await page.locator("#username").waitFor();
  await page.context().setOffline(true);
  await assert.rejects(page.goto(BASE_URL + "/staff/login"), /ERR_INTERNET_DISCONNECTED|ERR_FAILED/);
  await page.context().close();
});

test("a new build's worker takes over and deletes the caches of the builds before it", async () => {
  const page = await phonePage(browser);
  await page.goto(BASE_URL + "/");
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  // What an earlier build's worker left.
  await page.evaluate(async () => {
    await (await caches.open("static-0earlierbld")).put("/pkg/app.js?v=0earlierbld", new Response("old"));
    await caches.open("pages-0earlierbld");
  });
  // A worker installed anew, as a new build's is (here by another script
  // URL: the same bytes under a new URL are a new worker).
  await page.evaluate(() => navigator.serviceWorker.register("/sw.js?next").then(() => true));
  await page.waitForFunction(() => navigator.serviceWorker.controller?.scriptURL.endsWith("/sw.js?next"));
  // It takes over as it activates, and deletes them on activation.
  await page.waitForFunction(async () => !(await caches.keys()).some((n) => n.includes("0earlierbld")));
  const names = await page.evaluate(() => caches.keys());
  assert.ok(names.some((n) => n.startsWith("static-")) && names.some((n) => n.startsWith("pages-")), names.join(" "));
  assertNoErrors(page);
  await page.context().close();
});
