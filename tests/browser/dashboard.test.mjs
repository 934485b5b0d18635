// The office's whole cycle in the running app: the dashboard shows the
// seeded figures, a meeting approved by the wrong body is refused, a right
// one is registered, a request is lowered and issued, the dashboard moves.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL } from "../support/http.mjs";
import { assertNoErrors, deskPage, launch, newPage, screenshot, scrollWidth, signIn } from "../support/browser.mjs";
import { cookieOf, login, staffGet } from "../support/cases.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));

async function cell(page, table, key, col) {
  return Number((await page.locator(`[data-testid=table-${table}] tr[data-key=${key}] td[data-col=${col}]`).innerText()).trim());
}

test("the office runs the cycle: dashboard, register, review, dashboard moves", async () => {
  const api = (await cookieOf("office_admin"));
  const expected = (await staffGet(api, `/api/office/dashboard?year=${year}`)).body;
  const page = await deskPage(browser, "office_admin", { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await page.getByRole("link", { name: "会议文件统计" }).click();
  await page.getByTestId("table-meeting").waitFor();

  // The tables show the seeded figures.
  for (const [table, rows] of [["meeting", expected.meetings], ["document", expected.documents]]) {
    for (const r of rows) {
      assert.equal(await cell(page, table, r.key, "this"), r.this_period, `${table} ${r.key}`);
      assert.equal(await cell(page, table, r.key, "last"), r.last_period, `${table} ${r.key} last year`);
    }
  }
  assert.match(await page.getByTestId("summary").innerText(), /以县政府名义召开的会议\d+次，比去年同期(减少|增加)/);
  assert.ok((await page.locator("svg.chart").count()) >= 10, "bars and cumulative lines per class and level");
  const download = page.waitForEvent("download");
  await page.getByTestId("table-meeting").getByRole("button", { name: "导出CSV" }).click();
  assert.match((await download).suggestedFilename(), /会议统计.*\.csv$/);
  await screenshot(page, "dashboard-desktop");

  // Drill down: the class-1 count opens its records.
  const class1 = await cell(page, "meeting", "class1", "this");
  await page.locator("[data-testid=table-meeting] tr[data-key=class1] td[data-col=this] a").click();
  await page.getByRole("heading", { name: "会议登记 · 一类会议" }).waitFor();
  await page.getByText(`共 ${class1} 次会议`).waitFor();

  // A class-1 meeting approved by the county head is refused, with who may approve.
  const title = `全县冬季森林防火紧急部署会（${Date.now()}）`;
  await page.getByText("登记一次会议").click();
  await page.getByLabel("会议名称").fill(title);
  await page.getByLabel("参会范围").fill("各乡镇、县直有关部门");
  await page.getByLabel("会议类别").selectOption("class1");
  await page.getByLabel("批准机构").selectOption("county_head");
  await page.getByLabel("批准文号或纪要编号").fill("县长批示〔2026〕9号");
  await page.getByRole("button", { name: "登记", exact: true }).click();
  await page.getByText(/一类会议须由县政府常务会议、县长办公会议研究确定或批准/).waitFor();
  await page.getByLabel("批准机构").selectOption("executive_meeting");
  await page.getByRole("button", { name: "登记", exact: true }).click();
  await page.getByText(title).waitFor();

  // A department's request, lowered by the office.
  const dept = (await login("zj_window")).cookie;
  const subject = `关于做好冬季建筑工地安全检查的通知${Date.now()}`;
  const requested = await fetch(`${BASE_URL}/api/office/documents`, {
    method: "POST", headers: { "Content-Type": "application/json", Cookie: dept },
    body: JSON.stringify({ subject, proposed_level: "county_government", drafting_departments: [4], within_one_department: false, needs_government_authority: true, nature: "work_arrangement", length_chars: 1200 }),
  });
  assert.equal(requested.status, 201, await requested.text());
  await page.getByRole("link", { name: "发文申请" }).click();
  const row = page.locator("tr", { hasText: subject });
  await row.waitFor();
  await row.getByLabel("降格为").selectOption("county_office");
  await row.getByLabel("理由").fill("属具体工作部署，以县府办文件印发即可");
  await row.getByRole("button", { name: "降格印发" }).click();
  await row.waitFor({ state: "detached" });

  // The dashboard moved.
  await page.getByRole("link", { name: "会议文件统计" }).click();
  await page.getByTestId("table-meeting").waitFor();
  assert.equal(await cell(page, "meeting", "class1", "this"), class1 + 1);
  const office = expected.documents.find((r) => r.key === "county_office").this_period;
  assert.equal(await cell(page, "document", "county_office", "this"), office + 1);
  assertNoErrors(page);
  await page.context().close();
});

// The 7-column tables scroll within their own region at 360 px; the page does not.
test("the dashboard fits a phone's width: no sideways scrolling at 360 px", async () => {
  const page = await newPage(browser, { viewport: { width: 360, height: 740 }, isMobile: true, locale: "zh-CN" });
  await signIn(page, "office_admin");
  await page.goto(`${BASE_URL}/staff/dashboard`);
  await page.getByTestId("summary").waitFor();
  await page.getByTestId("table-meeting").waitFor();
  await page.locator("svg.chart").first().waitFor();
  await screenshot(page, "dashboard-360");
  const width = await scrollWidth(page);
  assert.ok(width <= 360, `the page is ${width} px wide at a 360 px viewport`);
  assertNoErrors(page);
  await page.context().close();
});
