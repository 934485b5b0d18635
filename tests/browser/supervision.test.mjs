// Supervision's whole cycle in a real browser: the office registers an item
// from a county head's office meeting and splits it into two tasks; one
// unit reports on time; the other is chased by a 催办单 and then a 督办通知单
// (the clock set by test data: deadlines and the day a slip went out);
// both close; the dashboard shows the figures.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL } from "../support/http.mjs";
import { sqlLocal } from "../support/cases.mjs";
import { assertNoErrors, deskPage, launch, screenshot } from "../support/browser.mjs";
import { daysFromToday, runDailyJob, setDeadline, todayIsWorkingDay } from "../support/supervision.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const task = (page, no) => page.locator(`[data-task="${no}"]`);

async function openItem(page, no) {
  await page.goto(`${BASE_URL}/staff/supervision/items/${no}`);
  await page.getByTestId("item-state").waitFor();
}

async function stateIs(page, taskNo, text) {
  await task(page, taskNo).getByTestId("task-state").getByText(text).waitFor();
}

test("an office meeting's item goes from registration through two tasks, slips and strike-off to the dashboard", async (t) => {
  if (!todayIsWorkingDay()) return t.skip("the daily job issues no slip on a non-working day");
  // --- the office registers the item and splits it -----------------------
  const office = await deskPage(browser, "office_admin");
  await office.goto(`${BASE_URL}/staff/supervision/new`);
  await office.getByRole("button", { name: "立项" }).click();
  await office.getByText(/请填写会议名称及纪要编号/).first().waitFor();
  await office.getByLabel("来源").selectOption("head_office_meeting");
  await office.getByLabel("会议名称及纪要编号").fill("县长办公会议纪要〔2026〕21号");
  await office.getByLabel("事项名称").fill("城区背街小巷路灯亮化");
  await office.getByLabel(/批示或决定内容/).fill("会议决定：住建局牵头、城关镇配合，年底前完成背街小巷路灯亮化。");
  await office.getByLabel("交办领导").fill("张县长");
  await office.getByRole("button", { name: "立项" }).click();
  await office.getByTestId("item-state").getByText("待分解").waitFor();
  const itemNo = office.url().split("/").pop();
  assert.match(itemNo, /^DC\d{4}-\d{4}$/);

  const split = async (requirement, unit, due) => {
    const form = office.getByTestId("decompose");
    await form.getByLabel("工作要求").fill(requirement);
    await form.getByLabel("牵头单位").selectOption({ label: unit });
    await form.getByLabel("责任人").fill("主要负责人");
    await form.getByLabel("督办人").fill("督查室 周明");
    await form.getByLabel(/办结时限/).fill(due);
    await form.getByRole("button", { name: /交办/ }).click();
  };
  await split("制定亮化方案并完成主干巷道安装", "县住房和城乡建设局", daysFromToday(30));
  await task(office, `${itemNo}-1`).waitFor();
  await split("完成城关镇辖区背街小巷安装", "城关镇人民政府", daysFromToday(20));
  await task(office, `${itemNo}-2`).waitFor();
  await office.getByTestId("item-state").getByText("督办中").waitFor();
  assert.match(await task(office, `${itemNo}-1`).getByTestId("slips").textContent(), /督交〔\d{4}〕\d+号/);
  await screenshot(office, "supervision-item");

  // --- 住建局 reports on time --------------------------------------------
  const housing = await deskPage(browser, "zj_window");
  await housing.goto(`${BASE_URL}/staff/supervision`);
  await housing.locator(`[data-task="${itemNo}-1"]`).waitFor();
  assert.equal(await housing.locator(`[data-task="${itemNo}-2"]`).count(), 0, "a unit's inbox holds its own tasks only");
  await openItem(housing, itemNo);
  const mine = task(housing, `${itemNo}-1`);
  await mine.getByLabel("工作进展").fill("方案已经局务会审定，开始安装");
  await mine.getByRole("button", { name: "报送进展" }).click();
  await housing.getByTestId("done").getByText(`已提交。任务${itemNo}-1现在的状态：办理中`).waitFor();
  await mine.getByLabel(/^办理结果（/).fill("主干巷道路灯320盏已全部安装并通电");
  await mine.getByRole("button", { name: "报送办理结果" }).click();
  await stateIs(housing, `${itemNo}-1`, "已报结果待审核");

  // --- 城关镇 is chased: a yellow 催办单, then (a day later) a red 督办通知单
  const second = `${itemNo}-2`;
  setDeadline(second, daysFromToday(1));
  await runDailyJob();
  sqlLocal(`UPDATE supervision_slip SET issued_day = '${daysFromToday(-1)}' WHERE task_no = '${second}' AND kind = 'reminder';`);
  setDeadline(second, daysFromToday(-1));
  await runDailyJob();
  const town = await deskPage(browser, "cgz_head");
  await town.goto(`${BASE_URL}/staff/supervision/slips`);
  await town.getByRole("cell", { name: "黄色催办单" }).first().waitFor();
  await town.getByRole("cell", { name: "红色督办通知单" }).first().waitFor();
  await town.getByRole("link", { name: /^督通〔/ }).first().click();
  await town.getByTestId("slip").getByRole("heading", { name: "红色督办通知单" }).waitFor();
  assert.match(await town.getByTestId("slip").textContent(), /逾期未办结/);
  await screenshot(town, "supervision-notice-slip");
  await openItem(town, itemNo);
  const theirs = task(town, second);
  assert.match(await theirs.getAttribute("class"), /red/);
  await theirs.getByLabel(/^办理结果（/).fill("辖区背街小巷路灯180盏已安装");
  await theirs.getByRole("button", { name: "报送办理结果" }).click();
  await town.getByText("已超过办结时限，请说明逾期原因").waitFor();
  await theirs.getByLabel(/逾期原因/).fill("灯杆供货延迟");
  await theirs.getByRole("button", { name: "报送办理结果" }).click();
  await stateIs(town, second, "已报结果待审核");

  // --- the office checks, reports to the leader and strikes both off -----
  await openItem(office, itemNo);
  for (const no of [`${itemNo}-1`, second]) {
    const card = task(office, no);
    await card.getByRole("button", { name: "审核通过" }).click();
    await stateIs(office, no, "审核通过待呈报");
    await card.getByLabel(/呈报情况/).fill("已书面呈报张县长");
    await card.getByRole("button", { name: "呈报领导" }).click();
    await stateIs(office, no, "已呈报领导");
    await card.getByLabel(/领导阅示意见/).fill("张县长阅示：同意");
    await card.getByRole("button", { name: "销号" }).click();
    await stateIs(office, no, "已销号");
  }
  await office.getByTestId("item-state").getByText("已销号").waitFor();

  // --- the dashboard -------------------------------------------------------
  await office.goto(`${BASE_URL}/staff/supervision/dashboard`);
  const summary = office.getByTestId("summary");
  await summary.getByText(/立项督查事项\d+件/).waitFor();
  const units = office.getByTestId("units");
  await units.getByRole("rowheader", { name: "城关镇人民政府" }).waitFor();
  await units.getByRole("columnheader", { name: "按期办结率" }).waitFor();
  await office.getByTestId("sources").getByRole("rowheader", { name: "县长办公会议" }).waitFor();
  await screenshot(office, "supervision-dashboard");
  for (const page of [office, housing, town]) assertNoErrors(page);
});
