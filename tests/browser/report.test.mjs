// The office's report in the running app: the six headings, the figures
// the API computed for the same period, a figure that opens its records,
// and the print view (A4, without the page's controls).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { assertNoErrors, deskPage, launch, screenshot } from "../support/browser.mjs";
import { cookieOf, login, staffGet } from "../support/cases.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const year = today.slice(0, 4);

test("the office reads the report, follows a figure to its records, and prints it", async () => {
  const api = (await cookieOf("office_admin"));
  const expected = (await staffGet(api, `/api/office/report?from=${year}-01-01&to=${today}`)).body;
  const page = await deskPage(browser, "office_admin", { viewport: { width: 1280, height: 900 } });
  await page.getByRole("link", { name: "工作报告" }).click();
  await page.getByLabel("自", { exact: true }).fill(`${year}-01-01`);
  await page.getByLabel("至", { exact: true }).fill(today);
  await page.getByRole("button", { name: "生成" }).click();
  await page.getByTestId("report").waitFor();
  assert.equal(await page.locator(".report-title").innerText(), expected.title);

  // Each section's words and figures, as the API wrote them.
  for (const s of expected.sections) {
    const section = page.getByTestId(`report-${s.work}`);
    await section.getByRole("heading", { name: s.heading }).waitFor();
    const paragraphs = await section.locator(".report-paragraph").allInnerTexts();
    assert.deepEqual(paragraphs, s.paragraphs.map((p) => p.map((piece) => piece.text).join("")), s.work);
    const figures = s.paragraphs.flat().filter((piece) => piece.records).length;
    assert.equal(await section.locator("a.figure").count(), figures, `${s.work}: every figure is a link`);
  }

  // The hotline's count opens the tickets.
  const tickets = page.getByTestId("report-hotline").locator("a.records-hotline_tickets").first();
  await tickets.click();
  await page.waitForURL(/\/staff\/hotline\?view=all/);
  await page.goBack();
  await page.getByTestId("report").waitFor();

  // Printed: the report alone.
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.getByRole("button", { name: "生成" }).isVisible(), false, "the controls are not printed");
  assert.equal(await page.locator("header.site-header").isVisible(), false);
  assert.ok(await page.getByTestId("report").isVisible());
  await screenshot(page, "report-print");
  assertNoErrors(page);
});
