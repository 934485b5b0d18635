// An applicant on a phone: open the catalogue, search, open a matter, read
// its materials and the date it would be done by if accepted today.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL, get } from "../support/http.mjs";
import { appStarted, assertNoErrors, launch, phonePage, screenshot, scrollWidth } from "../support/browser.mjs";
import { measureFirstLoad, PAGE_BUDGET_BROTLI } from "../support/weight.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("search, open a matter, see its materials and expected date at 360×740", async () => {
  const page = await phonePage(browser);
  await page.goto(BASE_URL + "/");
  await appStarted(page);
  assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
  await page.locator(".card").first().waitFor();
  assert.ok((await page.locator(".card").count()) >= 40);
  await screenshot(page, "catalogue-360");

  await page.getByLabel("搜索事项").fill("食品");
  await page.getByRole("button", { name: "搜索" }).click();
  await page.waitForURL(/q=%E9%A3%9F%E5%93%81/);
  await page.getByText("共 2 项").waitFor();
  await page.getByRole("link", { name: /食品经营许可（新办）/ }).click();

  await page.getByRole("heading", { level: 1, name: "食品经营许可（新办）" }).waitFor();
  assert.match(page.url(), /\/matters\/\d+$/);
  const materials = page.getByTestId("materials");
  for (const name of ["食品经营许可申请书", "营业执照", "食品安全管理人员健康证明"]) {
    await materials.getByText(name, { exact: true }).waitFor();
  }
  assert.match(await materials.innerText(), /复印件 1 份 · 必需/);

  // The expected date agrees with the calendar API.
  const id = page.url().split("/").pop();
  const { body } = await get(`/api/matters/${id}`);
  const [, month, day] = body.if_accepted_today.deadline.slice(0, 10).split("-").map(Number);
  const expected = await page.getByTestId("expected-date").innerText();
  assert.match(expected, new RegExp(`如今天受理，预计${month}月${day}日前办结`));
  for (const heading of ["二、设定依据", "三、申请条件", "五、办理流程", "六、办理时限", "七、收费标准", "八、办理结果", "九、监督投诉电话"]) {
    await page.getByRole("heading", { level: 2, name: heading }).waitFor();
  }
  const width = await scrollWidth(page);
  assert.ok(width <= 360, `no sideways scrolling at 360 px (${width})`);
  assert.match(await page.title(), /食品经营许可/);
  await screenshot(page, "matter-360");

  // Back returns to the search that led here.
  await page.goBack();
  await page.getByText("共 2 项").waitFor();
  assert.equal(await page.getByLabel("搜索事项").inputValue(), "食品");
  assertNoErrors(page);
  await page.context().close();
});

test("filter by department, and an empty search says what to do", async () => {
  const page = await phonePage(browser);
  await page.goto(BASE_URL + "/");
  await appStarted(page);
  await page.locator("#department option").nth(2).waitFor({ state: "attached" });
  await page.getByLabel("办理部门").selectOption({ label: "县公安局（5项）" });
  await page.getByText("共 5 项").waitFor();
  const departments = await page.locator(".card-meta").allInnerTexts();
  assert.ok(departments.every((t) => t.includes("县公安局")));

  await page.getByLabel("搜索事项").fill("不存在的事项");
  await page.getByLabel("搜索事项").press("Enter");
  await page.getByText("没有找到相关事项").waitFor();
  assertNoErrors(page);
  await page.context().close();
});

test("every form control has a label and keyboard reaches the matters", async () => {
  const page = await phonePage(browser);
  await page.goto(BASE_URL + "/");
  await appStarted(page);
  await page.locator(".card").first().waitFor();
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll("input, select, textarea")].filter((el) => !el.labels?.length && !el.getAttribute("aria-label")).length,
  );
  assert.equal(unlabelled, 0);
  // The skip link, the header links, then the search box and the department filter.
  const order = [];
  for (let i = 0; i < 7; i++) {
    await page.keyboard.press("Tab");
    order.push(await page.evaluate(() => document.activeElement.id || document.activeElement.textContent.trim()));
  }
  assert.deepEqual(order.slice(0, 7), ["跳到主要内容", "示范县行政审批服务中心", "办事指南", "办件查询", "q", "搜索", "department"]);
  assertNoErrors(page);
  await page.context().close();
});

test("an unknown page and an unknown matter say so in Chinese", async () => {
  const page = await phonePage(browser);
  await page.goto(BASE_URL + "/no/such/page");
  await page.getByRole("heading", { name: "页面不存在" }).waitFor();
  await page.goto(BASE_URL + "/matters/999999");
  await page.getByRole("alert").getByText("该事项不存在或已下线").waitFor();
  assertNoErrors(page);
  await page.context().close();
});

test("applicant pages' first loads fit the phone budget (150 KB brotli, everything fetched)", async () => {
  const matter = (await get("/api/matters")).body.matters[0];
  for (const [path, ready] of [["/", ".card"], [`/matters/${matter.id}`, "[data-testid=materials]"], [`/apply/${matter.id}`, "form.apply"], ["/track", "form.filters"]]) {
    const { total } = await measureFirstLoad(browser, BASE_URL + path, ready);
    assert.ok(total.brotli <= PAGE_BUDGET_BROTLI, `${path}: first load ${total.brotli} B brotli > ${PAGE_BUDGET_BROTLI} B`);
  }
});
