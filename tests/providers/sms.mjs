// The real SMS adapters (notifier/src/aliyun.rs, tencent.rs) against a
// local fake of the provider (tests/support/fake_sms.mjs), through the
// whole stack: a submission's message leaves the queue, is signed, sent and
// recorded. Run by scripts/test-providers.sh, once per provider, against a
// stack whose notifier uses that provider (SMS_PROVIDER, SMS_ENDPOINT).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { submitFood } from "../support/cases.mjs";
import { aliyunSignature, startFakeSms, tencentSignature } from "../support/fake_sms.mjs";
import { freshMobile, notifierCron, outboxOf, RECEIPTS_CRON, settled, testNumber } from "../support/notify.mjs";

const provider = process.env.SMS_PROVIDER ?? assert.fail("SMS_PROVIDER is not set: run scripts/test-providers.sh");
const port = Number(process.env.FAKE_SMS_PORT ?? assert.fail("FAKE_SMS_PORT is not set"));
const credentials = JSON.parse(process.env.FAKE_SMS_CREDENTIALS ?? assert.fail("FAKE_SMS_CREDENTIALS is not set"));
const templates = JSON.parse(credentials.SMS_TEMPLATES);

let fake;
before(async () => (fake = await startFakeSms({ provider, port, credentials })));
after(async () => {
  // Every request the notifier made carried a good signature.
  assert.deepEqual(fake.state.requests.filter((r) => !r.signatureOk).map((r) => r.headers.authorization), []);
  await fake.close();
});

const calls = (phone) =>
  fake.state.requests.filter((r) => (provider === "aliyun" ? r.query.PhoneNumbers === phone : r.json?.PhoneNumberSet?.[0] === `+86${phone}`));

test("the fake's own signature check reproduces each provider's documented example", () => {
  const aliyun = aliyunSignature({
    secret: "YourAccessKeySecret",
    method: "POST",
    query: "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai",
    headers: {
      host: "ecs.cn-shanghai.aliyuncs.com",
      "x-acs-action": "RunInstances",
      "x-acs-version": "2014-05-26",
      "x-acs-date": "2023-10-26T10:22:32Z",
      "x-acs-signature-nonce": "3156853299f313e23d1673dc12e1703d",
      "x-acs-content-sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    },
    body: "",
  });
  assert.equal(aliyun.signature, "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0");
  const tencent = tencentSignature({
    secretKey: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
    service: "cvm",
    headers: { "content-type": "application/json; charset=utf-8", host: "cvm.tencentcloudapi.com", "x-tc-timestamp": "1551113065" },
    body: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
  });
  assert.equal(tencent.signature, "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
});

test(`${provider}: a submission's message is signed, taken once, and its message id recorded`, async () => {
  const mobile = freshMobile();
  const { receipt } = await submitFood({ mobile });
  const [row] = await settled(receipt.case_no, 1);
  assert.deepEqual([row.state, row.provider, row.attempts, row.reason], ["sent", provider, 1, null]);
  const [call] = calls(mobile);
  assert.equal(calls(mobile).length, 1);
  const taken = fake.state.sent.get(row.provider_message_id) ?? assert.fail(`no message ${row.provider_message_id} at the fake`);
  assert.equal(taken.template, templates.case_received);
  // Only the template's variables change: the case number and query code.
  const vars = provider === "aliyun" ? taken.vars : Object.fromEntries(["no", "code"].map((k, i) => [k, taken.vars[i]]));
  assert.deepEqual(vars, { no: receipt.case_no, code: receipt.query_code });
  assert.ok(call.signatureOk);
});

test(`${provider}: a number the provider rejects fails with its reason, after one try`, async () => {
  const mobile = testNumber(1);
  const { receipt } = await submitFood({ mobile });
  const [row] = await settled(receipt.case_no, 1);
  assert.equal(row.state, "failed");
  assert.equal(row.attempts, 1);
  assert.match(row.reason, provider === "aliyun" ? /^阿里云短信：isv\.MOBILE_NUMBER_ILLEGAL/ : /^腾讯云短信：InvalidParameterValue\.IncorrectPhoneNumber/);
  assert.equal(calls(mobile).length, 1);
});

test(`${provider}: a provider down twice is retried by the queue and takes the message once`, async () => {
  const mobile = testNumber(2);
  const { receipt } = await submitFood({ mobile });
  const [row] = await settled(receipt.case_no, 1);
  assert.deepEqual([row.state, row.attempts], ["sent", 3]);
  assert.equal(calls(mobile).length, 3);
  assert.equal([...fake.state.sent.values()].filter((m) => m.phone.endsWith(mobile)).length, 1);
});

test(`${provider}: delivery receipts pulled on the notifier's cron move sent messages to delivered or failed`, async () => {
  const reached = await submitFood({ mobile: freshMobile() });
  const lost = await submitFood({ mobile: testNumber(0) });
  const [a] = await settled(reached.receipt.case_no, 1);
  const [b] = await settled(lost.receipt.case_no, 1);
  assert.deepEqual([a.state, b.state], ["sent", "sent"]);
  await notifierCron(RECEIPTS_CRON);
  const [a2] = outboxOf(reached.receipt.case_no);
  const [b2] = outboxOf(lost.receipt.case_no);
  assert.equal(a2.state, "delivered");
  assert.equal(b2.state, "failed");
  assert.match(b2.reason, /回执：未送达 MK:0001$/);
  // A second round changes nothing (Tencent hands each receipt out once; Aliyun is asked only about sent ones).
  await notifierCron(RECEIPTS_CRON);
  assert.equal(outboxOf(reached.receipt.case_no)[0].state, "delivered");
});
