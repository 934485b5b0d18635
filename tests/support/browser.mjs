// Real headless Chromium (Debian's package) driven by playwright-core.
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

export const OUTPUT = process.env.TEST_OUTPUT ?? "test-output";

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

// ---- errors on the page ------------------------------------------------------
// An event handler that throws does not fail the test that is running (the
// error surfaces, if at all, outside it). So each page's uncaught errors and
// console errors are collected here, and every test ends by asserting that
// its pages have none (assertNoErrors).

const collected = new WeakMap();

/**
 * Starts collecting `page`'s errors: uncaught exceptions and rejections
 * (`pageerror`), `console.error` messages, and server errors (5xx) answering
 * the page's requests. A 4xx answer the app handles (a refused form, "not
 * signed in") is the app working, logged by Chromium as "Failed to load
 * resource"; each test asserts the answers it expects, so those do not count.
 */
export function watchErrors(page) {
  if (collected.has(page)) return page;
  const errors = [];
  collected.set(page, errors);
  page.on("pageerror", (e) => errors.push(`uncaught: ${e.stack ?? e.message}`));
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    // An HTTP error status is judged below, from the response itself.
    if (/^Failed to load resource: the server responded with a status of \d{3}/.test(m.text())) return;
    // A request the test made fail by taking the page offline (setOffline).
    if (m.text() === "Failed to load resource: net::ERR_INTERNET_DISCONNECTED") return;
    errors.push(`console.error: ${m.text()} (${m.location().url})`);
  });
  page.on("response", (res) => {
    if (res.status() >= 500) errors.push(`HTTP ${res.status()} from ${res.url()}`);
  });
  return page;
}

/** Fails unless `page` (watched since it opened) has had no error. */
export function assertNoErrors(page) {
  const errors = collected.get(page) ?? assert.fail("this page's errors were not collected: open it with watchErrors()");
  assert.deepEqual(errors, [], `errors on the page (last at ${page.url()})`);
}

/** A new page in a new context with `options`, its errors collected. */
export async function newPage(browser, options) {
  return watchErrors(await (await browser.newContext(options)).newPage());
}

/** A phone-sized page (360×740, touch, zh-CN); `options` add to the context's. */
/**
 * Waits until an applicant app has started: the first screen that the
 * Worker serves as markup (the catalogue, a guide, the form, tracking, the
 * hotline and complaints), to paint before the wasm arrives, is gone (the
 * app removes it as it mounts). Until then a click or a key reaches markup
 * without handlers.
 */
export async function appStarted(page) {
  await page.waitForFunction(() => !document.getElementById("first-screen"));
}

export async function phonePage(browser, options = {}) {
  return newPage(browser, {
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    ...options,
  });
}

export async function screenshot(page, name) {
  mkdirSync(OUTPUT, { recursive: true });
  await page.screenshot({ path: join(OUTPUT, `${name}.png`), fullPage: true });
}

/** Signs `page` in to the staff app as `username`. */
export async function signIn(page, username) {
  const { BASE_URL } = await import("./http.mjs");
  const { DEMO_PASSWORD } = await import("./cases.mjs");
  const { HAS_SECOND_FACTOR } = await import("./totp.mjs");
  if (HAS_SECOND_FACTOR.has(username)) {
    // Its codes sign in once each: the stack's live session goes into the
    // browser (tests/browser/second_factor.test.mjs signs in through the
    // form with a code).
    await handOverSession(page, username);
    await page.goto(`${BASE_URL}/staff`);
    await page.getByTestId("who").waitFor();
    return page;
  }
  await page.goto(`${BASE_URL}/staff/login`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.getByTestId("who").waitFor();
  return page;
}

/**
 * Puts a session of `username` (`cookieOf`: the stack's live one for an
 * account with a second factor) into `page`'s browser, from a response of
 * the app's origin as the sign-in's would be: DevTools refuses a Secure
 * cookie for http. Loads no page of the app.
 */
export async function handOverSession(page, username) {
  const { BASE_URL } = await import("./http.mjs");
  const { cookieOf } = await import("./cases.mjs");
  const cookie = await cookieOf(username);
  const handover = `${BASE_URL}/staff/test-session-handover`;
  await page.route(handover, (route) =>
    route.fulfill({ status: 200, contentType: "text/plain", body: "", headers: { "Set-Cookie": `${cookie}; HttpOnly; Secure; SameSite=Strict; Path=/` } }),
  );
  await page.goto(handover);
  await page.unroute(handover);
}

/** A desktop page signed in to the staff app as `username`. */
export async function deskPage(browser, username, options = {}) {
  const page = await newPage(browser, { viewport: { width: 1280, height: 800 }, locale: "zh-CN", timezoneId: "Asia/Shanghai", ...options });
  return signIn(page, username);
}

/** The page's width in CSS pixels, to compare with its viewport (no sideways scrolling). */
export async function scrollWidth(page) {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
}
