// Document transmission in a real browser: the office registers an urgent
// (特急) document from an approved request, attaches the body and sends it
// to the townships' group; 城关镇 opens and signs it, 河口镇 returns it with
// its reasons, a third township is chased; the sender's page shows each,
// the receipt chain checks out and prints.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL } from "../support/http.mjs";
import { PDF, cookieOf } from "../support/cases.mjs";
import { assertNoErrors, deskPage, launch, screenshot } from "../support/browser.mjs";
import { issuedRequest } from "../support/documents.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const row = (page, unit) => page.locator(`tr[data-unit="${unit}"]`);

test("an urgent document to the townships: one signs, one returns it, one is chased; the sender sees each", async () => {
  const request = await issuedRequest(await cookieOf("office_admin"), "关于做好今冬明春森林防火工作的紧急通知");
  const office = await deskPage(browser, "office_admin");
  await office.goto(`${BASE_URL}/staff/transmit/new`);
  await office.getByLabel("发文申请（已审核编号）").selectOption(String(request.id));
  await office.getByLabel("紧急程度").selectOption("extra_urgent");
  await office.getByLabel("签发人").fill("张县长");
  await office.getByRole("group", { name: "主送单位分组" }).getByLabel("各乡镇人民政府、街道办事处").check();
  // Without the statement the office is told why.
  await office.getByRole("button", { name: "登记" }).click();
  await office.getByText(/非涉密/).first().waitFor();
  await office.getByLabel(/本人确认：本公文不涉及国家秘密/).check();
  await office.getByRole("button", { name: "登记" }).click();
  await office.getByTestId("doc-number").getByText(request.number).waitFor();
  const key = office.url().split("/").pop();
  await office.getByLabel("文件", { exact: true }).setInputFiles({ name: "森林防火通知.pdf", mimeType: "application/pdf", buffer: PDF });
  await office.getByRole("button", { name: "上传" }).click();
  await office.getByText("正文已上传，可以发送。").waitFor();
  await office.getByRole("button", { name: "发送" }).click();
  await office.getByTestId("doc-counts").getByText(/已签收0/).waitFor();
  assert.match(await office.getByTestId("doc-counts").textContent(), /共4个单位/);

  // 城关镇 opens it (on showing the page) and signs for it.
  const cgz = await deskPage(browser, "cgz_head");
  await cgz.goto(`${BASE_URL}/staff/transmit`);
  await cgz.locator(`tr[data-doc="${key}"]`).getByRole("link").click();
  await cgz.getByTestId("copy-state").getByText(/已打开未签收/).waitFor();
  await cgz.getByRole("button", { name: "签收" }).click();
  await cgz.getByTestId("copy-state").getByText(/已签收（刘芳/).waitFor();
  // 城关镇 registers it as incoming, its head instructs, it circulates to 马涛.
  await cgz.getByLabel("拟办意见").fill("请镇长阅示，拟由党政办承办");
  await cgz.getByRole("button", { name: "登记收文" }).click();
  await cgz.getByTestId("receive-no").getByText(/^收〔\d{4}〕\d+号$/).waitFor();
  await cgz.getByLabel(/领导批示/).fill("请党政办立即部署");
  await cgz.getByRole("button", { name: "批示" }).click();
  await cgz.getByTestId("instruction").getByText(/请党政办立即部署（刘芳）/).waitFor();
  await cgz.getByRole("group", { name: "传阅人" }).getByLabel("马涛").check();
  await cgz.getByRole("button", { name: "送传阅" }).click();
  await cgz.getByTestId("whereabouts").getByText("传阅中：在马涛处").waitFor();

  // 河口镇 returns it with its reasons.
  const hkz = await deskPage(browser, "hkz_head");
  await hkz.goto(`${BASE_URL}/staff/transmit/${key}`);
  await hkz.getByTestId("copy-state").getByText(/已打开未签收/).waitFor();
  await hkz.getByLabel("退文理由").fill("本镇无林区，主送有误");
  await hkz.getByRole("button", { name: "退文" }).click();
  await hkz.getByTestId("copy-state").getByText(/已退文：本镇无林区/).waitFor();

  // The sender's page shows each; one township not yet signed is chased.
  await office.goto(`${BASE_URL}/staff/transmit/${key}`);
  await row(office, "城关镇人民政府").getByTestId("copy-state").getByText(/已签收（刘芳 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d签收）/).waitFor();
  await row(office, "河口镇人民政府").getByTestId("copy-state").getByText(/已退文：本镇无林区，主送有误/).waitFor();
  const waiting = office.locator("tr[data-unit]").filter({ hasText: "已送达未打开" }).first();
  const unit = await waiting.getAttribute("data-unit");
  await office.getByRole("button", { name: `催收${unit}` }).click();
  await row(office, unit).getByText("1次").waitFor();
  assert.match(await office.getByTestId("doc-counts").textContent(), /已打开2，已签收1，未签收2，退文1/);
  await office.getByRole("button", { name: "核验回执链" }).click();
  await office.getByTestId("chain-check").getByText(/核验通过/).waitFor();
  await screenshot(office, "documents-sender");

  await office.getByRole("link", { name: "签收回执（打印）" }).click();
  await office.getByTestId("receipt-check").getByText(/核验通过/).waitFor();
  assert.match(await office.getByTestId("receipt-sheet").textContent(), /签收.*刘芳/s);
  await screenshot(office, "documents-receipt");
  // The figures, and the office's sign-for limits (kept at 2 working hours).
  await office.goto(`${BASE_URL}/staff/transmit/figures`);
  await office.getByTestId("doc-summary-sentence").getByText(/通过电子公文传输系统发文\d+件/).waitFor();
  await office.getByLabel("特急（工作小时）").fill("2");
  await office.getByRole("button", { name: "保存" }).click();
  await office.getByText("已保存，新发送的紧急公文按此时限。").waitFor();
  for (const p of [office, cgz, hkz]) assertNoErrors(p);
});
