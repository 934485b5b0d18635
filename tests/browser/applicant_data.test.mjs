// The office hands an applicant a copy of their data: the export page
// finds every case of the identity number typed, shows them, and offers
// the JSON file with the numbers whole.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { assertNoErrors, deskPage, launch } from "../support/browser.mjs";
import { submitFood } from "../support/cases.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("the office exports one applicant's cases from the admin pages", async () => {
  const { receipt } = await submitFood();
  const page = await deskPage(browser, "office_admin", { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await page.getByRole("link", { name: "个人信息导出" }).click();
  await page.getByLabel("申请时使用的身份证号码或统一社会信用代码").fill("91350100m000100y43");
  await page.getByRole("button", { name: "查询并导出" }).click();
  const table = page.getByTestId("applicant-data");
  await table.getByRole("cell", { name: receipt.case_no }).waitFor();
  assert.match(await table.getByRole("status").innerText(), /^共\d+件办件。$/);
  const download = page.waitForEvent("download");
  await table.getByRole("link", { name: "下载JSON" }).click();
  const file = await download;
  assert.equal(file.suggestedFilename(), "applicant-9135xxxxxxxxxx0Y43.json", "the name holds the number masked");
  const data = JSON.parse(await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8")));
  const mine = data.cases.find((c) => c.case_no === receipt.case_no);
  assert.deepEqual([mine.id_number, mine.mobile], ["91350100M000100Y43", "13800138000"]);
  assertNoErrors(page);
});
