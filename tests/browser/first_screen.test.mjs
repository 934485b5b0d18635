// Issue 14: an applicant page's first screen comes as markup with the page
// (backend/src/shell/first_screen) and the app then takes its place. The
// two must say the same, or a phone shows one page and then another: the
// first screen's text, read with the app held back, is where the app's
// page begins. What is typed before the app starts is kept.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL } from "../support/http.mjs";
import { appStarted, assertNoErrors, launch, phonePage } from "../support/browser.mjs";
import { submitFood } from "../support/cases.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const words = (text) => text.replace(/\s+/g, " ").trim();

// The served first screen's text, the app's scripts never fetched.
async function firstScreenText(path) {
  const page = await phonePage(browser);
  await page.route("**/pkg/**", (route) => route.abort());
  await page.goto(BASE_URL + path);
  const text = await page.locator("#first-screen").innerText();
  await page.context().close();
  return words(text);
}

// The app's page in its place, once its content is in, and the API
// requests it made.
async function appText(path, ready) {
  const page = await phonePage(browser);
  const asked = [];
  page.on("request", (r) => new URL(r.url()).pathname.startsWith("/api/") && asked.push(new URL(r.url()).pathname));
  await page.goto(BASE_URL + path);
  await appStarted(page);
  await page.locator(ready).first().waitFor();
  await page.waitForLoadState("networkidle");
  const text = await page.evaluate(() => document.querySelector("header.site-header").innerText + "\n" + document.querySelector("main").innerText);
  assertNoErrors(page);
  await page.context().close();
  return { text: words(text), asked };
}

test("each applicant page's served first screen is the top of the app's page", async () => {
  const { matter } = await submitFood();
  const pages = [
    ["/", ".card"],
    [`/matters/${matter.id}`, "[data-testid=materials]"],
    [`/apply/${matter.id}`, "form.apply input"],
    ["/track", "form.filters"],
    ["/hotline", "form textarea"],
    ["/complaints", "form textarea"],
  ];
  for (const [path, ready] of pages) {
    const first = await firstScreenText(path);
    assert.ok(first.length > 20, `${path} has a first screen: "${first}"`);
    const { text: app, asked } = await appText(path, ready);
    // The data the first screen came with is the app's: it does not ask again.
    assert.deepEqual(asked.filter((p) => /^\/api\/(departments|matters)/.test(p)), [], `${path} asked again: ${asked}`);
    assert.ok(app.startsWith(first), `${path}: the app's page begins as its first screen did\n first: ${first}\n app:   ${app.slice(0, first.length + 40)}`);
  }
});

test("a case number typed before the tracking app starts is kept", async () => {
  const page = await phonePage(browser);
  // The app's script waits until the number has been typed: an order, not a delay.
  let release;
  const typed = new Promise((resolve) => { release = resolve; });
  await page.route("**/pkg/track.js*", async (route) => { await typed; await route.continue(); });
  await page.goto(`${BASE_URL}/track`);
  await page.locator("#first-screen #no").fill("SP20261126000001");
  await page.locator("#first-screen #no").focus();
  release();
  await appStarted(page);
  assert.equal(await page.locator("#no").inputValue(), "SP20261126000001");
  assert.equal(await page.evaluate(() => document.activeElement?.id), "no", "the focus stays in the field");
  assertNoErrors(page);
  await page.context().close();
});

test("a case's page shows its progress, or its refusal, before the app, which does not look up again", async () => {
  const { receipt } = await submitFood();
  const cases = [
    [`/track#no=${receipt.case_no}&code=${receipt.query_code}`, "[data-testid=progress]", "办理记录"],
    [`/track#no=${receipt.case_no}&code=00000000`, "p.error", "办件编号或查询码不正确"],
  ];
  for (const [path, ready, says] of cases) {
    // The app held back (its request never answered): only its start
    // script runs, which asks for the case's first screen.
    const page = await phonePage(browser);
    await page.route("**/pkg/track.js*", () => {});
    await page.goto(BASE_URL + path);
    await page.locator(`#first-screen ${ready}`).waitFor();
    const first = words(await page.locator("#first-screen").innerText());
    await page.context().close();
    assert.ok(first.includes(says), `${path}: ${first}`);
    const { text: app, asked } = await appText(path, ready);
    assert.deepEqual(asked.filter((p) => p.startsWith("/api/track/")), [], `${path}: the app looked up again`);
    assert.ok(app.startsWith(first), `${path}: the app's page begins as its first screen did\n first: ${first}\n app:   ${app.slice(0, first.length + 40)}`);
  }
});

test("a case's first screen arriving while the form is in use leaves the form, and the app still takes its answer", async () => {
  const { receipt } = await submitFood();
  const page = await phonePage(browser);
  const asked = [];
  page.on("request", (r) => new URL(r.url()).pathname.startsWith("/api/track/") && asked.push(r.url()));
  // The case's first screen is answered once the reader has typed: an order, not a delay.
  let release;
  const typed = new Promise((resolve) => { release = resolve; });
  await page.route("**/track", async (route) => {
    if (route.request().method() === "POST") await typed;
    await route.continue();
  });
  await page.goto(`${BASE_URL}/track#no=${receipt.case_no}&code=${receipt.query_code}`);
  await page.locator("#first-screen #code").fill("1234");
  release();
  await appStarted(page);
  await page.getByTestId("progress").waitFor();
  assert.equal(await page.locator("#code").inputValue(), "1234", "what was typed stays");
  assert.deepEqual(asked, [], "the app took the answer that came");
  assertNoErrors(page);
  await page.context().close();
});

test("a page whose app cannot be fetched says so, over its first screen", async () => {
  const page = await phonePage(browser);
  await page.route("**/pkg/app_bg.wasm*", (route) => route.abort());
  await page.goto(`${BASE_URL}/`);
  const alert = page.locator("#first-screen [role=alert]");
  await alert.waitFor();
  assert.match(await alert.innerText(), /页面未能加载完成/);
  // Its button loads the page again, this time with the app.
  await page.unroute("**/pkg/app_bg.wasm*");
  await alert.getByRole("button", { name: "重新加载" }).click();
  await appStarted(page);
  await page.locator(".card").first().waitFor();
  await page.context().close();
});

test("a page opened in a background tab, where no frame comes, starts its app", async () => {
  const page = await phonePage(browser);
  await page.addInitScript(() => {
    Object.defineProperty(document, "hidden", { get: () => true });
    window.requestAnimationFrame = () => 0;
  });
  await page.goto(`${BASE_URL}/hotline`);
  // (Not appStarted: its waitForFunction polls by the page's frames.)
  await page.locator("#first-screen").waitFor({ state: "detached" });
  await page.locator("form textarea").waitFor();
  assertNoErrors(page);
  await page.context().close();
});
