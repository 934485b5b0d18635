// The office's page of SMS to applicants: the counts, a failed message
// with its reason and the number masked, and its resend.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { assertNoErrors, deskPage, launch } from "../support/browser.mjs";
import { failedNotice } from "../support/notify.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("the office finds a failed message and resends it", async () => {
  const failed = await failedNotice();
  const page = await deskPage(browser, "office_admin", { viewport: { width: 1280, height: 900 } });
  await page.getByRole("link", { name: "短信通知" }).click();
  await page.getByTestId("notice-counts").waitFor();
  await page.getByRole("link", { name: "发送失败" }).click();
  const row = page.getByTestId("notices").getByRole("row").filter({ hasText: failed.case_no });
  await row.waitFor();
  const text = await row.innerText();
  assert.match(text, /号码无效（测试号段）/);
  assert.ok(text.includes(`${failed.phone.slice(0, 3)}****${failed.phone.slice(7)}`), text);
  assert.ok(!text.includes(failed.phone), "the number is masked");
  await row.getByRole("button", { name: "重发" }).click();
  await row.getByRole("cell", { name: "排队中" }).waitFor();
  assert.equal(await row.getByRole("button", { name: "重发" }).count(), 0);
  assertNoErrors(page);
});
