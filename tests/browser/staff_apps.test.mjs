// The staff apps are one per area (shared/src/staff_app.rs): the sign-in
// page loads the core alone, within the first screen's budget; a link to
// another area loads that area's app, whose pages work and share the chrome
// (who is signed in, signing out); within an area the pages change in place.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL } from "../support/http.mjs";
import { deskPage, launch } from "../support/browser.mjs";
import { measureFirstLoad, STAFF_BUDGET_BROTLI } from "../support/weight.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const wasm = (rows) => rows.map((r) => r.url.replace(/\?.*$/, "")).filter((u) => u.endsWith(".wasm"));

test("the sign-in page fetches the core's wasm alone, within 143 KB brotli", async () => {
  const { rows, total } = await measureFirstLoad(browser, `${BASE_URL}/staff/login`, "#username");
  assert.deepEqual(wasm(rows), ["/pkg/staff_bg.wasm"]);
  assert.ok(total.brotli <= STAFF_BUDGET_BROTLI, `first load ${total.brotli} B brotli > ${STAFF_BUDGET_BROTLI} B`);
});

/** Marks the current document: a page load forgets the mark, a change of page in place keeps it. */
const mark = (page) => page.evaluate(() => { window.sameDocument = true; });
const sameDocument = (page) => page.evaluate(() => window.sameDocument === true);
/** A section's link in the header. */
const section = (page, name) => page.getByRole("navigation", { name: "工作台栏目" }).getByRole("link", { name, exact: true });

test("a link to another area loads its app; within an area pages change in place", async () => {
  const page = await deskPage(browser, "office_admin");
  const fetched = [];
  page.on("response", (res) => fetched.push(new URL(res.url()).pathname));
  await page.getByRole("heading", { level: 1, name: "办件列表" }).waitFor();
  await mark(page);

  // The inbox (the core) → the hotline's app.
  await section(page, "热线工单").click();
  await page.waitForURL(/\/staff\/hotline$/);
  await page.getByRole("heading", { level: 1, name: "热线工单队列" }).waitFor();
  assert.equal(await sameDocument(page), false, "another area is a page load");
  assert.ok(fetched.includes("/pkg/staff-hotline_bg.wasm"), fetched.join(" "));
  await page.getByTestId("who").waitFor();

  // Within the hotline: no page load, no other wasm.
  await mark(page);
  fetched.length = 0;
  await section(page, "知识库").click();
  await page.waitForURL(/\/staff\/hotline\/knowledge$/);
  await page.getByRole("heading", { level: 1, name: "知识库" }).waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === "H1");
  assert.equal(await sameDocument(page), true, "a page of the same area changes in place");
  assert.deepEqual(fetched.filter((u) => u.endsWith(".wasm")), []);

  // The hotline → supervision's app, whose page works; back again.
  await section(page, "督查督办").click();
  await page.waitForURL(/\/staff\/supervision$/);
  await page.getByRole("heading", { level: 1, name: "督办任务（按办结时限排序）" }).waitFor();
  assert.equal(await sameDocument(page), false);
  assert.ok(fetched.includes("/pkg/staff-supervision_bg.wasm"), fetched.join(" "));
  await page.goBack();
  await page.getByRole("heading", { level: 1, name: "知识库" }).waitFor();

  // Signing out from an area goes to the core's sign-in.
  await page.getByRole("button", { name: "退出登录" }).click();
  await page.waitForURL(/\/staff\/login$/);
  await page.getByLabel("用户名").waitFor();
  await page.context().close();
});

test("a signed-out visit to an area's page goes to the core's sign-in, without its app", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
  const page = await context.newPage();
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(`${BASE_URL}/staff/complaints`);
  await page.waitForURL(/\/staff\/login$/);
  await page.getByLabel("用户名").waitFor();
  // The Worker sends it there: the area's app is never fetched.
  assert.deepEqual(fetched.filter((p) => p.startsWith("/pkg/staff-complaints")), []);
  await context.close();
});
