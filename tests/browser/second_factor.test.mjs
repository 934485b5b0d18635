// Two-step verification in the browser: the sign-in form asks for the code
// once the password is right; a new office administrator is sent to bind an
// authenticator before anything else, scans (here: reads the secret),
// confirms a code and gets recovery codes shown once.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL } from "../support/http.mjs";
import { assertNoErrors, launch, newPage, screenshot } from "../support/browser.mjs";
import { DEMO_PASSWORD, login } from "../support/cases.mjs";
import { call, newAccount, signIn as signInApi } from "../support/objects.mjs";
import { base32Decode, codeAt, freshCode, stepNow } from "../support/totp.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const desk = () => newPage(browser, { viewport: { width: 1280, height: 800 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });

async function fillSignIn(page, username, password) {
  await page.goto(`${BASE_URL}/staff/login`);
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

test("the sign-in form asks an office administrator for the authenticator's code after the password", async () => {
  const page = await desk();
  await fillSignIn(page, "office_admin", DEMO_PASSWORD);
  const code = page.getByLabel(/动态码/);
  await code.waitFor();
  await page.getByRole("alert").getByText(/6位动态码/).waitFor();
  await code.fill(await freshCode("office_admin"));
  await page.getByRole("button", { name: "登录" }).click();
  await page.getByTestId("who").waitFor();
  assert.match(await page.getByTestId("who").innerText(), /县府办管理员/);
  assertNoErrors(page);
  await page.close();
});

test("a new office administrator binds an authenticator before anything else and sees the recovery codes once", async () => {
  await signInApi("office_admin");
  const account = await newAccount("office_admin", null);
  const password = "Lantern-harbour-quiet-77";
  const first = await login(account.username, account.password);
  await call(first.cookie, "POST", "/api/staff/password", { json: { current: account.password, new: password } });

  const page = await desk();
  await fillSignIn(page, account.username, password);
  await page.getByRole("heading", { level: 1, name: "两步验证" }).waitFor();
  assert.equal(new URL(page.url()).pathname, "/staff/second-factor");
  await page.getByText("须开启两步验证后才能使用工作台").waitFor();
  await page.getByRole("button", { name: "开始设置" }).click();
  await page.getByRole("img", { name: "身份验证器绑定二维码" }).waitFor();
  const secret = await page.getByTestId("second-factor-secret").innerText();
  await page.getByLabel("当前密码").fill(password);
  await page.getByLabel("新验证器上的动态码").fill(codeAt(base32Decode(secret), stepNow()));
  await page.getByRole("button", { name: "确认绑定" }).click();
  const codes = page.getByTestId("recovery-codes").getByRole("listitem");
  await codes.first().waitFor();
  assert.equal(await codes.count(), 10);
  await page.getByTestId("second-factor-state").getByText("已开启").waitFor();
  await screenshot(page, "second-factor-recovery-codes");
  await page.getByRole("link", { name: "进入工作台" }).click();
  await page.getByTestId("who").waitFor();
  await page.getByRole("link", { name: "账号管理" }).waitFor();
  assertNoErrors(page);
  await page.close();
});
