// The whole journey: an applicant applies on a phone with a photo, gets a
// receipt; window staff sign in on a desktop and dispose of it as a
// commitment item; the applicant's tracking page shows the deadline.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL, get } from "../support/http.mjs";
import { assertNoErrors, deskPage, launch, newPage, phonePage, screenshot, scrollWidth } from "../support/browser.mjs";
import { DEMO_PASSWORD, acceptedCase, matterByName, sqlLocalCase } from "../support/cases.mjs";
import { decodeQrImage } from "../support/qr.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A real JPEG photo, made by the browser itself. */
async function photo() {
  const page = await browser.newPage({ viewport: { width: 640, height: 480 } });
  await page.setContent("<body style='background:linear-gradient(45deg,#c33,#36c)'><h1>营业执照</h1></body>");
  const jpeg = await page.screenshot({ type: "jpeg", quality: 80 });
  await page.close();
  return jpeg;
}

test("apply on a phone, dispose at the window, see the deadline when tracking", async () => {
  const matter = await matterByName("食品经营许可（新办）");
  const jpeg = await photo();
  const applicantName = `示范县好味道餐饮有限公司（浏览器）${Date.now()}`;

  // --- the applicant, on a 360×740 phone ---------------------------------
  const phone = await phonePage(browser);
  await phone.goto(`${BASE_URL}/matters/${matter.id}`);
  await phone.getByRole("link", { name: "在线申请" }).click();
  await phone.getByRole("heading", { level: 1, name: /在线申请/ }).waitFor();
  await phone.getByLabel("单位（企业、社会组织）").check();
  await phone.getByLabel("单位名称").fill(applicantName);
  await phone.getByLabel("统一社会信用代码（18位）").fill("91350100M000100Y43");
  await phone.getByLabel("手机号码").fill("13800138000");

  // The draft survives a reload.
  await phone.reload();
  await phone.getByText("已恢复您上次填写的内容").waitFor();
  assert.equal(await phone.getByLabel("单位名称").inputValue(), applicantName);

  await phone.getByLabel("联系地址").fill("示范县城关镇人民路1号");
  await phone.getByLabel("经营场所", { exact: true }).fill("人民路1号");
  await phone.getByLabel(/主体业态/).fill("餐饮服务");

  // Nothing is sent before the applicant agrees to the personal data notice.
  await phone.getByRole("button", { name: "提交申请" }).click();
  await phone.getByText("请阅读个人信息收集说明，勾选同意后再提交").first().waitFor();
  await phone.getByLabel(/同意提供这些信息/).check();

  // Submitting without files names the first missing material, in Chinese.
  await phone.getByRole("button", { name: "提交申请" }).click();
  await phone.getByRole("alert").getByText(/缺少必需材料/).waitFor();

  for (const m of matter.materials.filter((x) => x.required)) {
    await phone.locator(`#material-${m.id}`).setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: jpeg });
  }
  const width = await scrollWidth(phone);
  assert.ok(width <= 360, `no sideways scrolling at 360 px (${width})`);
  await screenshot(phone, "apply-360");
  await phone.getByRole("button", { name: "提交申请" }).click();

  const receipt = phone.getByTestId("receipt");
  await receipt.waitFor();
  const caseNo = (await phone.getByTestId("case-no").innerText()).trim();
  const code = (await phone.getByTestId("query-code").innerText()).trim();
  assert.match(caseNo, /^SP\d{14}$/);
  assert.match(code, /^\d{8}$/);
  // The QR code, once its image has loaded, reads as this case's tracking
  // link, the number and code in its fragment (never sent to the server).
  const trackingLink = `${BASE_URL}/track#no=${caseNo}&code=${code}`;
  assert.equal(await decodeQrImage(receipt.locator("img.qr")), trackingLink);
  await phone.getByTestId("progress").getByText("已提交，待受理").waitFor();
  await screenshot(phone, "receipt-360");

  // --- window staff, on a desktop ------------------------------------------
  const desk = await newPage(browser, { viewport: { width: 1280, height: 800 }, locale: "zh-CN" });
  await desk.goto(`${BASE_URL}/staff`);
  await desk.getByRole("heading", { name: "工作人员登录" }).waitFor();
  await desk.getByLabel("用户名").fill("scjg_window");
  await desk.getByLabel("密码").fill(DEMO_PASSWORD);
  await desk.getByRole("button", { name: "登录" }).click();
  await desk.getByTestId("who").getByText(/王晓燕/).waitFor();
  // The window finds the new case by its number, however long the list.
  await desk.getByLabel("查找办件").fill(caseNo);
  await desk.getByRole("button", { name: "查找" }).click();
  await desk.getByTestId("card-counts").getByText(/找到1件/).waitFor();
  await desk.getByRole("link", { name: caseNo }).click();
  await desk.getByRole("heading", { name: new RegExp(caseNo) }).waitFor();
  // The applicant's numbers are masked until asked for (and the asking is logged).
  assert.equal(await desk.getByTestId("id-number").innerText(), "9135**********0Y43");
  await desk.getByRole("button", { name: /显示完整号码/ }).click();
  await desk.getByTestId("mobile").getByText("13800138000").waitFor();
  assert.equal(await desk.getByTestId("id-number").innerText(), "91350100M000100Y43");
  assert.equal(await desk.locator("a.file").count(), matter.materials.filter((x) => x.required).length);
  const fileUrl = await desk.locator("a.file").first().getAttribute("href");
  const file = await desk.request.get(BASE_URL + fileUrl);
  assert.equal(file.headers()["content-type"], "image/jpeg", "the photo is viewable in the browser");
  await desk.getByLabel(/承诺件/).check();
  await desk.getByRole("button", { name: "确认处理" }).click();
  await desk.getByTestId("case-state").getByText("已受理，办理中").waitFor();
  const staffDeadline = (await desk.getByTestId("deadline").innerText()).trim();
  await screenshot(desk, "staff-case-desktop");
  await desk.getByRole("link", { name: "打印承诺件通知书" }).click();
  await desk.getByTestId("notice").getByText(new RegExp(`于${staffDeadline}前办结`)).waitFor();
  await screenshot(desk, "commitment-notice");

  // --- the applicant tracks the case, opening the receipt's QR link ---------
  // in a fresh page; no request it makes carries the code in its URL.
  const tracker = await phonePage(browser);
  const urls = [];
  const lookUps = [];
  tracker.on("request", (r) => {
    urls.push(r.url());
    if (r.method() === "POST" && new URL(r.url()).pathname === "/track") lookUps.push(JSON.parse(r.postData()));
  });
  await tracker.goto(trackingLink);
  await tracker.getByTestId("deadline").waitFor();
  // The start script's look-up, which comes with the case's first screen;
  // the app makes none of its own.
  assert.deepEqual(lookUps, [{ no: caseNo, code }], "the look-up was made, once");
  assert.deepEqual(urls.filter((u) => u.includes("/api/track/")), []);
  assert.deepEqual(urls.filter((u) => u.includes(code)), [], "no request URL carries the query code");
  assert.equal((await tracker.getByTestId("deadline").innerText()).trim(), `${staffDeadline}前办结`);
  await tracker.context().close();
  await phone.goto(trackingLink);
  await phone.getByTestId("deadline").waitFor();
  assert.equal((await phone.getByTestId("deadline").innerText()).trim(), `${staffDeadline}前办结`);
  const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
  const api = (await get(`/api/calendar/deadline?accepted=${today}&days=${matter.committed_days}`)).body;
  const [y, m, d] = api.deadline.slice(0, 10).split("-").map(Number);
  assert.equal(staffDeadline, `${y}年${m}月${d}日`);
  await screenshot(phone, "track-360");
  assertNoErrors(phone);
  assertNoErrors(desk);
  await phone.context().close();
  await desk.context().close();
});

test("an overdue case shows red in the inbox, and its tracking page explains the deadline", async () => {
  const { receipt } = await acceptedCase();
  sqlLocalCase(receipt.case_no, `UPDATE case_record SET accepted_on = '2026-10-09', deadline = '2026-10-22T23:59:59+08:00' WHERE case_no = '${receipt.case_no}'`);

  const desk = await deskPage(browser, "scjg_window");
  const row = desk.locator(`tr[data-case="${receipt.case_no}"]`);
  await row.waitFor();
  assert.match(await row.getAttribute("class"), /\bred\b/);
  assert.match(await row.locator("[data-col=remaining]").innerText(), /^逾期\d+$/);
  assert.match(await desk.getByTestId("card-counts").innerText(), /红牌逾期[1-9]\d*件/);
  const color = await row.locator("td").first().evaluate((td) => getComputedStyle(td).backgroundColor);
  assert.equal(color, "rgb(253, 226, 226)", "the row is shaded red");
  await screenshot(desk, "inbox-red");
  assertNoErrors(desk);
  await desk.context().close();

  const phone = await phonePage(browser);
  await phone.goto(`${BASE_URL}/track#no=${receipt.case_no}&code=${receipt.query_code}`);
  const explanation = phone.getByTestId("explanation");
  await explanation.waitFor();
  const text = await explanation.innerText();
  assert.match(text, /已超过承诺期限/);
  assert.match(text, /2026年10月9日受理，受理当日不计；承诺10个工作日/);
  assert.match(text, /办结期限：2026年10月22日24时前/);
  await screenshot(phone, "track-overdue-360");
  assertNoErrors(phone);
  await phone.context().close();
});

test("staff pause, resume and complete a commitment item in the case page", async () => {
  const { receipt } = await acceptedCase();
  const desk = await deskPage(browser, "scjg_window");
  await desk.goto(`${BASE_URL}/staff/cases/${receipt.case_no}`);
  const ledger = desk.getByTestId("ledger");
  await ledger.getByText(/剩余\d+个工作日/).waitFor();

  await desk.getByLabel("暂停计时原因").selectOption({ label: "现场勘查" });
  await desk.getByRole("button", { name: "暂停计时" }).click();
  await ledger.getByText(/暂停计时中，恢复后剩余10个工作日/).waitFor();
  await ledger.getByText(/暂停计时：现场勘查/).waitFor();

  await desk.getByRole("button", { name: "恢复计时" }).click();
  await ledger.getByText(/剩余\d+个工作日/).waitFor();

  await desk.getByLabel("办理结果").fill("准予许可，食品经营许可证 JY13501000002");
  await desk.getByRole("button", { name: "办结" }).click();
  await desk.getByTestId("case-state").getByText("已办结").waitFor();
  const notes = await desk.locator(".timeline li").allInnerTexts();
  assert.ok(notes.some((n) => /暂停计时：现场勘查/.test(n)));
  assert.ok(notes.some((n) => /按期办结：准予许可/.test(n)));
  await screenshot(desk, "staff-case-completed");
  assertNoErrors(desk);
  await desk.context().close();

  const phone = await phonePage(browser);
  await phone.goto(`${BASE_URL}/track#no=${receipt.case_no}&code=${receipt.query_code}`);
  await phone.getByText("办理结果：准予许可，食品经营许可证 JY13501000002").waitFor();
  assertNoErrors(phone);
  await phone.context().close();
});
