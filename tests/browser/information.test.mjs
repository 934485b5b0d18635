// Information's cycle in a real browser: 城关镇 submits an item, the office
// opens an issue of 《政务信息》 and adopts the item into it, the league
// table counts the points and the print view carries the item.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL } from "../support/http.mjs";
import { assertNoErrors, deskPage, launch, screenshot } from "../support/browser.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("a unit submits, the editor adopts it into a numbered issue, the league table and the print view show it", async () => {
  const title = `城关镇“网格+信息”工作法 ${Date.now() % 100000}`;
  const unit = await deskPage(browser, "cgz_head");
  await unit.goto(`${BASE_URL}/staff/information/new`);
  await unit.getByRole("button", { name: "报送" }).click();
  await unit.getByText(/请填写标题/).first().waitFor();
  await unit.getByLabel("标题", { exact: true }).fill(title);
  await unit.getByLabel("类别").selectOption("experience");
  await unit.getByLabel("正文").fill("城关镇将全镇划分为36个网格，问题当日上报、当日交办。");
  await unit.getByLabel("执笔人", { exact: true }).fill("王芳");
  await unit.getByLabel("执笔人电话").fill("0571-88881234");
  await unit.getByRole("button", { name: "报送" }).click();
  await unit.getByTestId("info-state").getByText("待编辑").waitFor();
  const itemNo = unit.url().split("/").pop();
  assert.match(itemNo, /^XX\d{4}-\d{4}$/);
  await screenshot(unit, "information-submitted");
  assertNoErrors(unit);

  const office = await deskPage(browser, "office_admin");
  await office.goto(`${BASE_URL}/staff/information/issues`);
  await office.getByLabel("刊物").selectOption("bulletin");
  await office.getByLabel("本期标题").fill("基层治理经验专期");
  const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
  await office.getByLabel("编发日期").fill(today);
  await office.getByRole("button", { name: /新编一期/ }).click();
  const row = office.getByTestId("info-issues").getByRole("row", { name: /基层治理经验专期/ }).first();
  await row.waitFor();
  const number = (await row.getByRole("link").textContent()).trim();
  assert.match(number, /^《政务信息》\d{4}年第\d+期$/);

  await office.goto(`${BASE_URL}/staff/information/items/${itemNo}`);
  await office.getByLabel("操作").selectOption("adopt");
  await office.getByLabel("编入刊物").selectOption({ label: `${number}（基层治理经验专期）` });
  await office.getByRole("button", { name: "确定" }).click();
  await office.getByTestId("info-state").getByText("已采用").waitFor();
  await office.getByTestId("info-item").getByText(number).waitFor();
  await screenshot(office, "information-adopted");

  await office.goto(`${BASE_URL}/staff/information/league`);
  await office.getByTestId("formula").getByText(/得分 = 县级采用/).waitFor();
  const chengguan = office.getByTestId("league").locator('[data-unit="12"]');
  await chengguan.waitFor();
  assert.match(await chengguan.textContent(), /城关镇/);
  await screenshot(office, "information-league");

  await office.goto(`${BASE_URL}/staff/information/issues`);
  await office.getByRole("link", { name: number }).click();
  await office.getByTestId("info-issue").getByText(title).waitFor();
  assert.match(await office.getByTestId("info-issue").textContent(), /城关镇/);
  await screenshot(office, "information-issue-print");
  assertNoErrors(office);
});
