// Real headless Chromium (Debian's package) driven by playwright-core.
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

/** A phone-sized page (360×740, touch, zh-CN). */
export async function phonePage(browser) {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => { throw e; });
  return page;
}

export async function screenshot(page, name) {
  mkdirSync(OUTPUT, { recursive: true });
  await page.screenshot({ path: join(OUTPUT, `${name}.png`), fullPage: true });
}

/** A desktop page signed in to the staff app as `username`. */
export async function deskPage(browser, username) {
  const { BASE_URL } = await import("./http.mjs");
  const { DEMO_PASSWORD } = await import("./cases.mjs");
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" })).newPage();
  page.on("pageerror", (e) => { throw e; });
  await page.goto(`${BASE_URL}/staff/login`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.getByTestId("who").waitFor();
  return page;
}
