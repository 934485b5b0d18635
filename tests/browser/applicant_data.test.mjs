// The office hands an applicant a copy of their data: the export page
// finds every case of the identity number typed, shows them, and offers
// the JSON file with the numbers whole.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { assertNoErrors, deskPage, launch } from "../support/browser.mjs";
import { freshResidentId, submitFood } from "../support/cases.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("the office exports one applicant's cases from the admin pages", async () => {
  // An applicant of this test's own: the demo company's cases run past one export's cap.
  const id = freshResidentId();
  const { receipt } = await submitFood({ applicant_kind: "person", name: "导出页面测试人", id_number: id, mobile: "13912345678" });
  const page = await deskPage(browser, "office_admin", { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await page.getByRole("link", { name: "个人信息导出" }).click();
  await page.getByLabel("申请时使用的身份证号码或统一社会信用代码").fill(id.toLowerCase());
  await page.getByRole("button", { name: "查询并导出" }).click();
  const table = page.getByTestId("applicant-data");
  await table.getByRole("cell", { name: receipt.case_no }).waitFor();
  assert.equal(await table.getByRole("status").innerText(), "共1件办件。");
  const download = page.waitForEvent("download");
  await table.getByRole("link", { name: "下载JSON" }).click();
  const file = await download;
  assert.equal(file.suggestedFilename(), `applicant-${id.slice(0, 4)}xxxxxxxxxx${id.slice(-4)}.json`, "the name holds the number masked");
  const data = JSON.parse(await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8")));
  const mine = data.cases.find((c) => c.case_no === receipt.case_no);
  assert.deepEqual([mine.id_number, mine.mobile], [id, "13912345678"]);
  assertNoErrors(page);
});
