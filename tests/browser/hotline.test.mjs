// The hotline's whole cycle in real browsers: a caller leaves a message on a
// 360×740 phone; the office dispatches it; the unit signs for it, asks to
// return it and is refused; the unit's head replies; the office calls back
// (dissatisfied), the ticket is reopened, replied again and closed; the
// caller sees each step on the phone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL } from "../support/http.mjs";
import { assertNoErrors, deskPage, launch, phonePage, screenshot, scrollWidth } from "../support/browser.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The staff ticket page's state line, once it reads `text`. */
async function stateIs(page, text) {
  await page.getByTestId("ticket-state").getByText(text).waitFor();
}

async function openTicket(page, no) {
  await page.goto(`${BASE_URL}/staff/hotline/tickets/${no}`);
  await page.getByTestId("ticket-state").waitFor();
}

async function callerSees(phone, text) {
  await phone.reload();
  await phone.getByTestId("ticket-state").getByText(text).waitFor();
}

test("a caller's message goes round the whole cycle, and the caller sees each step", async () => {
  // --- the caller, on a phone ---------------------------------------------
  const phone = await phonePage(browser);
  await phone.goto(`${BASE_URL}/hotline`);
  await phone.getByRole("heading", { level: 1, name: /我要留言/ }).waitFor();
  await phone.getByRole("button", { name: "提交留言" }).click();
  await phone.getByText("请填写来电人姓名（可只写姓氏）").first().waitFor();
  await phone.getByLabel("投诉").check();
  await phone.getByLabel("姓名", { exact: true }).fill("王先生");
  await phone.getByLabel("联系电话").fill("13912345678");
  await phone.getByLabel("事发地点").fill("城关镇解放路12号");
  await phone.getByLabel("事发时间").fill("11月25日晚上");
  await phone.getByLabel("诉求事由").fill("小区停水未提前通知");
  await phone.getByLabel("事情经过及诉求").fill("解放路小区从昨晚起停水，没有任何通知，请尽快恢复供水。");
  const width = await scrollWidth(phone);
  assert.ok(width <= 360, `no sideways scrolling at 360 px (${width})`);
  await screenshot(phone, "hotline-form-360");
  await phone.getByRole("button", { name: "提交留言" }).click();
  await phone.getByTestId("hotline-receipt").waitFor();
  const no = (await phone.getByTestId("ticket-no").textContent()).trim();
  const code = (await phone.getByTestId("query-code").textContent()).trim();
  assert.match(no, /^RX\d{16}$/);
  await phone.getByRole("link", { name: "查看办理进度" }).click();
  await phone.getByTestId("ticket-state").getByText("已受理").waitFor();
  assert.ok(!phone.url().includes("?"), "the code travels in the fragment only");
  assert.ok(phone.url().includes(`#no=${no}`));

  // --- the office dispatches it -------------------------------------------
  const office = await deskPage(browser, "office_admin");
  await openTicket(office, no);
  await office.getByRole("radio", { name: /^转办/ }).check();
  await office.getByLabel("诉求类别").selectOption({ label: "城乡建设 · 供水停水" });
  // The catalogue proposes the lead unit (once the units' list is drawn).
  await office.waitForFunction(() => document.getElementById("dispose-lead")?.value === "4");
  await office.getByRole("button", { name: "确认处置" }).click();
  await stateIs(office, "已转办待签收");
  await callerSees(phone, "已转办待签收");
  await phone.getByTestId("deadline").waitFor();

  // --- the unit signs for it and asks to return it; the office refuses ----
  const unit = await deskPage(browser, "zj_window");
  await openTicket(unit, no);
  assert.equal(await unit.getByTestId("caller").getByText("139****5678").count(), 1, "the unit sees the caller masked");
  await unit.getByRole("button", { name: "签收" }).click();
  await stateIs(unit, "办理中");
  await unit.getByLabel(/退单理由/).fill("属于供水公司职责");
  await unit.getByRole("button", { name: "申请退单" }).click();
  await unit.getByText("申请退单", { exact: true }).first().waitFor();
  await openTicket(office, no);
  await office.getByLabel("驳回退单（办理期限不变）").check();
  await office.getByLabel(/审核理由/).fill("供水监管属住建局职责");
  await office.getByRole("button", { name: "提交审核" }).click();
  await office.getByText(/驳回退单：供水监管属住建局职责/).first().waitFor();
  await openTicket(unit, no);
  await unit.getByText(/驳回退单：供水监管属住建局职责/).first().waitFor();

  // --- the unit's head replies; the office accepts and calls back ---------
  const head = await deskPage(browser, "zj_head");
  const reply = async (text) => {
    await openTicket(head, no);
    await head.getByLabel(/答复内容/).fill(text);
    await head.getByLabel("政策依据").fill("《城市供水条例》第二十二条");
    await head.getByLabel("审签的分管负责人").fill("李副局长");
    await head.getByRole("button", { name: "提交答复" }).click();
    await stateIs(head, "已答复待审核");
    await openTicket(office, no);
    await office.getByRole("button", { name: "审核通过，转入回访" }).click();
    await stateIs(office, "待回访");
  };
  await reply("已协调恢复供水");
  await callerSees(phone, "待回访");
  await phone.getByTestId("hotline-reply").getByText("已协调恢复供水").waitFor();
  await office.getByLabel("回访结果").selectOption("dissatisfied");
  await office.getByLabel("回访记录").fill("仍有间歇停水");
  await office.getByRole("button", { name: "记录回访结果" }).click();
  await stateIs(office, "办理中");
  await callerSees(phone, "办理中");
  await phone.getByText(/重新办理/).first().waitFor();

  await reply("已更换破损管道，供水恢复正常");
  await office.getByLabel("回访结果").selectOption("satisfied");
  await office.getByRole("button", { name: "记录回访结果" }).click();
  await stateIs(office, "已办结");
  await screenshot(office, "hotline-ticket-closed");

  // --- the caller sees the close and may rate -----------------------------
  await callerSees(phone, "已办结");
  await phone.getByTestId("hotline-reply").getByText("已更换破损管道，供水恢复正常").waitFor();
  await phone.getByLabel("满意", { exact: true }).check();
  await phone.getByRole("button", { name: "提交评价" }).click();
  await phone.getByText(/您的评价：满意/).waitFor();
  await screenshot(phone, "hotline-track-360");
  assert.ok((await scrollWidth(phone)) <= 360);
  assert.ok(code.length === 8);
  for (const page of [phone, office, unit, head]) assertNoErrors(page);
});

test("the filters of the hotline list and the case inbox put the choice in the URL and show only it", async () => {
  const office = await deskPage(browser, "office_admin");
  await office.goto(`${BASE_URL}/staff/hotline`);
  await office.getByLabel("状态", { exact: true }).selectOption("received");
  await office.waitForURL(/\/staff\/hotline\?state=received/);
  await office.locator("tbody tr").first().getByText("已受理").waitFor();
  const states = await office.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.textContent));
  assert.ok(states.length > 0 && states.every((t) => t.includes("已受理")), JSON.stringify(states.slice(0, 3)));
  await office.getByLabel("范围").selectOption("closed");
  await office.waitForURL(/view=closed/);
  const unit = await deskPage(browser, "scjg_window");
  await unit.goto(`${BASE_URL}/staff`);
  await unit.getByLabel("状态", { exact: true }).selectOption("completed");
  await unit.waitForURL(/\/staff\?state=completed/);
  for (const page of [office, unit]) assertNoErrors(page);
});
