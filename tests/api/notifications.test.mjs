// Notifications through the queue and the `log` provider (the local
// default): each application event sends exactly one message with its
// template and variables; a retried or lost transition sends nothing more;
// a provider that is down is retried until it takes the message once; a
// refused number fails with its reason; what the retries cannot send ends
// failed from the dead-letter queue.
import { test } from "node:test";
import assert from "node:assert/strict";
import { act, acceptedCase, dispose, login, staffGet, submitFood } from "../support/cases.mjs";
import { failedNotice, loggedFor, settled, testNumber } from "../support/notify.mjs";

test("a submission sends the case number and query code once", async () => {
  const { receipt } = await submitFood();
  const [row] = await settled(receipt.case_no, 1);
  assert.deepEqual([row.event, row.state, row.provider, row.attempts], ["case_received", "delivered", "log", 1]);
  assert.equal(row.provider_message_id, `log-${row.id}`);
  assert.equal(row.phone, "13800138000");
  // The query code travels in the queue's message only, never in the outbox.
  assert.deepEqual(JSON.parse(row.vars), { no: receipt.case_no });
  const logged = loggedFor(receipt.case_no);
  assert.equal(logged.length, 1);
  assert.equal(logged[0].template, "case_received");
  assert.deepEqual(JSON.parse(logged[0].vars), { no: receipt.case_no, code: receipt.query_code });
});

test("accepted with the committed date, then completed; a retried transition adds nothing", async () => {
  const { receipt, cookie, view } = await acceptedCase();
  // The same disposition again (a double click, a retry): refused, nothing sent.
  const again = await dispose(cookie, receipt.case_no, { version: view.version - 1, class: "commitment" });
  assert.equal(again.status, 409);
  const done = await act(cookie, receipt.case_no, { version: view.version, action: "complete", result: "证照编号JY12345" });
  assert.equal(done.status, 200, JSON.stringify(done.body));
  const retry = await act(cookie, receipt.case_no, { version: view.version, action: "complete", result: "证照编号JY12345" });
  assert.equal(retry.status, 409);
  const rows = await settled(receipt.case_no, 3);
  assert.deepEqual(rows.map((r) => [r.event, r.state]), [["case_received", "delivered"], ["case_accepted", "delivered"], ["case_completed", "delivered"]]);
  const logged = loggedFor(receipt.case_no);
  assert.deepEqual(logged.map((l) => l.template), ["case_received", "case_accepted", "case_completed"]);
  assert.deepEqual(JSON.parse(logged[1].vars), { no: receipt.case_no, date: view.deadline.slice(0, 10) });
  assert.deepEqual(JSON.parse(logged[2].vars), { no: receipt.case_no });
});

test("a supplement notice and an immediate completion each send theirs; two racing windows send one", async () => {
  const { cookie } = await login("scjg_window");
  const { receipt: a } = await submitFood();
  const view = (await staffGet(cookie, `/api/staff/cases/${a.case_no}`)).body;
  // Two windows decide at once on the same version: one wins, one message.
  const [x, y] = await Promise.all([
    dispose(cookie, a.case_no, { version: view.version, class: "supplement", items: ["缺少健康证明原件"] }),
    dispose(cookie, a.case_no, { version: view.version, class: "immediate" }),
  ]);
  assert.deepEqual([x.status, y.status].sort(), [200, 409]);
  const winner = x.status === 200 ? "case_supplement" : "case_completed";
  const rows = await settled(a.case_no, 2);
  assert.deepEqual(rows.map((r) => r.event), ["case_received", winner]);
  assert.deepEqual(loggedFor(a.case_no).map((l) => l.template), ["case_received", winner]);
  // A returned case tells nobody by SMS (the tracking page says why).
  const { receipt: b } = await submitFood();
  const vb = (await staffGet(cookie, `/api/staff/cases/${b.case_no}`)).body;
  assert.equal((await dispose(cookie, b.case_no, { version: vb.version, class: "returned", reasons: "不属于本部门职权" })).status, 200);
  assert.deepEqual((await settled(b.case_no, 1)).map((r) => r.event), ["case_received"]);
});

test("a provider down twice then up delivers exactly once; a refused number fails with the reason", async () => {
  const { receipt: flaky } = await submitFood({ mobile: testNumber(2) });
  const { receipt: refused } = await submitFood({ mobile: testNumber(1) });
  const [f] = await settled(flaky.case_no, 1);
  assert.deepEqual([f.state, f.attempts], ["delivered", 3]);
  assert.equal(loggedFor(flaky.case_no).length, 1);
  const [r] = await settled(refused.case_no, 1);
  assert.deepEqual([r.state, r.reason, r.attempts], ["failed", "号码无效（测试号段）", 1]);
  assert.equal(loggedFor(refused.case_no).length, 0);
});

test("a message the retries cannot send ends failed from the dead-letter queue", async () => {
  const { receipt } = await submitFood({ mobile: testNumber(9) });
  const [row] = await settled(receipt.case_no, 1, 120_000);
  assert.equal(row.state, "failed");
  assert.equal(row.attempts, 6, "the first try and max_retries = 5");
  assert.match(row.reason, /^多次重试仍未发出：短信服务暂不可用/);
  assert.equal(loggedFor(receipt.case_no).length, 0);
});
