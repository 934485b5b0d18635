// An efficiency complaint's journey in real browsers: a complainant files it
// on a 360×740 phone; the office accepts it and assigns it to a unit; the
// unit investigates (never seeing who complained); the office holds the
// unit to account and concludes; the complainant reads the result on the
// phone's tracking page. Also: an anonymous complaint gets no query code.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL } from "../support/http.mjs";
import { assertNoErrors, deskPage, launch, phonePage, screenshot, scrollWidth } from "../support/browser.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openComplaint(page, no) {
  await page.goto(`${BASE_URL}/staff/complaints/${no}`);
  await page.getByTestId("complaint-state").waitFor();
}

async function stateIs(page, text) {
  await page.getByTestId("complaint-state").getByText(text).waitFor();
}

test("a complaint from a phone is accepted, investigated, concluded, and the complainant reads the result", async () => {
  // --- the complainant, on a phone ----------------------------------------
  const phone = await phonePage(browser);
  await phone.goto(`${BASE_URL}/complaints`);
  await phone.getByRole("heading", { level: 1, name: /我要投诉/ }).waitFor();
  await phone.getByRole("button", { name: "提交" }).click();
  await phone.getByText("请填写您的姓名，或选择匿名投诉").first().waitFor();
  await phone.getByLabel("投诉", { exact: true }).check();
  await phone.getByLabel("姓名", { exact: true }).fill("司马静");
  await phone.getByLabel("联系电话").fill("13611112222");
  await phone.getByLabel("被投诉单位或人员").fill("县住房和城乡建设局审批窗口");
  await phone.getByLabel("事由", { exact: true }).fill("施工许可一周未办，多次要求补交同一材料");
  await phone.getByLabel("事情经过及诉求").fill("11月18日递交施工许可申请，窗口三次要求补交同一份证明，至今未办。");
  const width = await scrollWidth(phone);
  assert.ok(width <= 360, `no sideways scrolling at 360 px (${width})`);
  await screenshot(phone, "complaints-form-360");
  await phone.getByRole("button", { name: "提交" }).click();
  await phone.getByTestId("complaint-receipt").waitFor();
  const no = (await phone.getByTestId("complaint-no").textContent()).trim();
  const code = (await phone.getByTestId("complaint-code").textContent()).trim();
  assert.match(no, /^XT\d{16}$/);
  assert.match(code, /^\d{8}$/);
  await phone.getByRole("link", { name: "查看办理结果" }).click();
  await phone.getByTestId("complaint-state").getByText("待受理").waitFor();
  assert.ok(!phone.url().includes("?"), "the number and code travel in the fragment only");
  assert.ok(phone.url().includes(`#no=${no}`));

  // --- the office accepts it and assigns it to 住建局 ----------------------
  const office = await deskPage(browser, "office_admin");
  await openComplaint(office, no);
  await office.getByTestId("complainant").getByText(/司马静/).waitFor();
  await office.getByLabel("受理，交办").check();
  await office.getByLabel("承办单位（交办或转办）").selectOption({ label: "县住房和城乡建设局" });
  await office.getByLabel(/交办要求或理由/).fill("请调查核实并报送调查记录");
  await office.getByRole("button", { name: "提交受理决定" }).click();
  await stateIs(office, "办理中");

  // --- the unit investigates, never seeing who complained ------------------
  const unit = await deskPage(browser, "zj_window");
  await unit.goto(`${BASE_URL}/staff/complaints`);
  await unit.locator(`tr[data-complaint="${no}"]`).waitFor();
  assert.ok(!(await unit.content()).includes("司马静"), "the unit's list names no complainant");
  await openComplaint(unit, no);
  await unit.getByTestId("complainant").getByText("仅县府办投诉受理人员可见").waitFor();
  assert.ok(!(await unit.content()).includes("司马静") && !(await unit.content()).includes("13611112222"));
  await unit.getByTestId("investigate").getByLabel("部分属实").check();
  await unit.getByTestId("investigate").getByLabel("县住房和城乡建设局").check();
  await unit.getByLabel("被投诉人（姓名、职务）").fill("窗口工作人员张某");
  await unit.getByLabel("认定事实").fill("经查，窗口重复要求补交材料属实，已当场办结许可。");
  await unit.getByRole("button", { name: "提交调查记录" }).click();
  await stateIs(unit, "已调查待办结");

  // --- the office holds to account and concludes --------------------------
  await openComplaint(office, no);
  await office.getByLabel("过失通知单").selectOption({ label: "行政效能过失通知单" });
  await office.getByLabel("建议处理").selectOption({ label: "书面检讨" });
  await office.getByRole("button", { name: "提交追责处理" }).click();
  await office.getByTestId("accountability").getByText(/行政效能过失通知单，书面检讨/).waitFor();
  await office.getByLabel(/办理结果（实名投诉人凭查询码可见/).fill("经查部分属实，已责令责任人书面检讨，您的施工许可已办结。");
  await office.getByRole("button", { name: "办结", exact: true }).click();
  await stateIs(office, "已答复待回访");
  await screenshot(office, "complaints-office-replied");

  // --- the complainant reads the result on the phone ----------------------
  await phone.reload();
  await phone.getByTestId("complaint-state").getByText("已答复待回访").waitFor();
  await phone.getByTestId("complaint-reply").getByText(/已责令责任人书面检讨/).waitFor();
  assert.ok((await scrollWidth(phone)) <= 360);
  await screenshot(phone, "complaints-track-360");

  // --- the call-back closes it --------------------------------------------
  await office.getByTestId("callback").getByLabel("满意", { exact: true }).check();
  await office.getByRole("button", { name: "提交回访" }).click();
  await stateIs(office, "已办结");
  for (const page of [phone, office, unit]) assertNoErrors(page);
});

test("an anonymous complaint from a phone gets its number but no query code", async () => {
  const phone = await phonePage(browser);
  await phone.goto(`${BASE_URL}/complaints`);
  await phone.getByLabel("投诉", { exact: true }).check();
  await phone.getByLabel("匿名投诉").check();
  assert.equal(await phone.getByLabel("姓名", { exact: true }).isVisible(), false, "identity fields hidden when anonymous");
  await phone.getByLabel("被投诉单位或人员").fill("河口镇便民服务中心");
  await phone.getByLabel("事由", { exact: true }).fill("工作时间窗口无人");
  await phone.getByLabel("事情经过及诉求").fill("11月24日上午十点窗口无人值守，等候一小时。");
  await phone.getByRole("button", { name: "提交" }).click();
  await phone.getByTestId("complaint-receipt").getByText(/匿名投诉不予答复/).waitFor();
  assert.equal(await phone.getByTestId("complaint-code").count(), 0);
  assert.equal(await phone.getByRole("link", { name: "查看办理结果" }).count(), 0);
  assertNoErrors(phone);
});
