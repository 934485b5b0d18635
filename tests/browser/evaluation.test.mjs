// 好差评 end to end in the real app: the applicant rates a completed case
// on a phone, the office verifies it, the department rectifies, and the
// applicant reads the outcome; the office's statistics count it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL } from "../support/http.mjs";
import { assertNoErrors, deskPage, launch, phonePage, screenshot, scrollWidth } from "../support/browser.mjs";
import { acceptedCase, act } from "../support/cases.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("a negative review goes from the applicant's phone to the office, the department, and back", async () => {
  const { receipt, cookie, view } = await acceptedCase();
  assert.equal((await act(cookie, receipt.case_no, { version: view.version, action: "complete", result: "准予许可" })).status, 200);
  const trackUrl = `${BASE_URL}/track#no=${receipt.case_no}&code=${receipt.query_code}`;

  // --- the applicant rates it, on a 360 px phone ---------------------------
  const phone = await phonePage(browser);
  await phone.goto(trackUrl);
  const form = phone.getByTestId("evaluate");
  await form.waitFor();
  await form.getByLabel("非常不满意").check();
  await form.getByRole("button", { name: "提交评价" }).click();
  await form.getByText("差评请写明不满意的原因").waitFor();
  await form.getByLabel(/不满意的原因/).fill("窗口要求反复提交同一份材料");
  await form.getByRole("button", { name: "提交评价" }).click();
  await phone.getByTestId("review-outcome").getByText("县府办核实中").waitFor();
  const width = await scrollWidth(phone);
  assert.ok(width <= 360, `no sideways scrolling at 360 px (${width})`);
  await screenshot(phone, "evaluation-pending-360");

  // --- the office verifies it -------------------------------------------
  const office = await deskPage(browser, "office_admin");
  await office.getByRole("link", { name: "差评整改" }).click();
  await office.locator(`tr[data-case="${receipt.case_no}"]`).getByRole("link").click();
  const verify = office.getByTestId("verify");
  await verify.getByLabel("整改期限（工作日，1到20）").fill("3");
  await verify.getByLabel("整改要求").fill("对窗口人员开展一次性告知制度培训");
  await verify.getByRole("button", { name: "提交核实结论" }).click();
  await office.getByTestId("review-state").getByText("部门整改中").waitFor();
  assertNoErrors(office);
  await office.context().close();

  // --- the department rectifies -----------------------------------------
  const desk = await deskPage(browser, "scjg_window");
  await desk.goto(`${BASE_URL}/staff/cases/${receipt.case_no}`);
  const rectify = desk.getByTestId("rectify");
  await rectify.getByLabel("整改情况（将告知申请人）").fill("已组织培训，并电话向申请人致歉");
  await rectify.getByRole("button", { name: "报告整改结果" }).click();
  await desk.getByTestId("review-state").getByText("已整改").waitFor();
  assertNoErrors(desk);
  await desk.context().close();

  // --- the applicant sees the outcome -----------------------------------
  // (the same URL, fragment and all: a reload asks again).
  await phone.reload();
  await phone.getByTestId("review-outcome").getByText("办理部门已整改：已组织培训，并电话向申请人致歉").waitFor();
  await screenshot(phone, "evaluation-rectified-360");
  assertNoErrors(phone);
  await phone.context().close();
});

test("the office reads the Center's statistics for a date range", async () => {
  const office = await deskPage(browser, "office_admin");
  await office.getByRole("link", { name: "运行统计" }).click();
  const stats = office.getByTestId("statistics");
  await stats.waitFor();
  assert.match(await office.getByTestId("summary").innerText(), /^受理办件\d+件，办结\d+件/);
  await office.getByLabel("起始日期").fill("2025-01-01");
  await office.getByLabel("截止日期").fill("2025-12-31");
  await office.getByRole("button", { name: "统计" }).click();
  await stats.getByRole("heading", { name: "2025年1月1日至2025年12月31日" }).waitFor();
  assert.equal(await office.getByTestId("summary").innerText(), "受理办件0件，办结0件。");
  assert.match(office.url(), /from=2025-01-01&to=2025-12-31/);
  await screenshot(office, "statistics");
  assertNoErrors(office);
  await office.context().close();
});
