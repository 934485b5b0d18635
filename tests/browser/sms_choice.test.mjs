// The applicant's SMS choice in the browser: the form's box (on by default,
// kept in the draft) and the tracking page's switch, which records the
// choice on the case. What a choice does to the messages is in
// tests/api/notifications_choices.test.mjs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL } from "../support/http.mjs";
import { assertNoErrors, launch, phonePage } from "../support/browser.mjs";
import { matterByName, submitFood, track } from "../support/cases.mjs";
import { freshMobile } from "../support/notify.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("the form's SMS box is ticked by default, and unticking it is kept in the draft", async () => {
  const matter = await matterByName("食品经营许可（新办）");
  const phone = await phonePage(browser);
  await phone.goto(`${BASE_URL}/apply/${matter.id}`);
  const sms = phone.getByLabel(/接收短信通知/);
  await sms.waitFor();
  assert.equal(await sms.isChecked(), true);
  await phone.getByLabel("手机号码").fill("13800138000");
  await sms.uncheck();
  await phone.reload();
  await phone.getByText("已恢复您上次填写的内容").waitFor();
  assert.equal(await phone.getByLabel(/接收短信通知/).isChecked(), false);
  assertNoErrors(phone);
  await phone.context().close();
});

test("on the tracking page the applicant turns SMS off and on; the case records each choice", async () => {
  const { receipt } = await submitFood({ mobile: freshMobile() });
  const phone = await phonePage(browser);
  await phone.goto(`${BASE_URL}/track#no=${receipt.case_no}&code=${receipt.query_code}`);
  const sms = phone.getByLabel("接收本办件的短信通知");
  await sms.waitFor();
  assert.equal(await sms.isChecked(), true);

  await sms.uncheck();
  await phone.getByText(/申请人选择不再接收短信通知/).waitFor();
  assert.equal(await phone.getByLabel("接收本办件的短信通知").isChecked(), false);
  assert.equal((await track(receipt.case_no, receipt.query_code)).body.sms_opt_out, true);

  await phone.getByLabel("接收本办件的短信通知").check();
  await phone.getByText("申请人选择接收短信通知").waitFor();
  assert.equal((await track(receipt.case_no, receipt.query_code)).body.sms_opt_out, false);
  assertNoErrors(phone);
  await phone.context().close();
});
