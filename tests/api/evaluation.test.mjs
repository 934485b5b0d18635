// 好差评: the applicant rates a completed case once; a negative review is
// verified by the office, rectified by the department, and the applicant
// sees the outcome. Each step with its authorization.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL, assertError } from "../support/http.mjs";
import { acceptedCase, act, clientIp, cookieOf, login, sqlLocal, staffGet, track } from "../support/cases.mjs";

async function post(path, body, cookie) {
  const res = await fetch(BASE_URL + path, {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": clientIp(), ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

const rate = (receipt, level, comment = "", code = receipt.query_code) =>
  post(`/api/track/${receipt.case_no}/evaluation`, { code, level, comment });

async function completedCase() {
  const c = await acceptedCase();
  const done = await act(c.cookie, c.receipt.case_no, { version: c.view.version, action: "complete", result: "准予许可" });
  assert.equal(done.status, 200, JSON.stringify(done.body));
  return c;
}

test("a completed case is rated once; open cases and wrong codes are refused", async () => {
  const open = await acceptedCase();
  assertError(await rate(open.receipt, "satisfied"), 409, "conflict");
  const { receipt } = await completedCase();
  assertError(await rate(receipt, "satisfied", "", "WRONG1"), 404, "not_found");
  assertError(await rate(receipt, "brilliant"), 400, "invalid_parameter");
  const ok = await rate(receipt, "very_satisfied", "窗口服务热情");
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.deepEqual(ok.body.evaluation.level, "very_satisfied");
  assert.equal(ok.body.evaluation.review, null, "a positive rating needs no review");
  assert.equal(ok.body.timeline.at(-1).note, "申请人评价：非常满意（窗口服务热情）");
  assertError(await rate(receipt, "dissatisfied", "改评"), 409, "conflict");
});

test("concurrent ratings of one case store exactly one", async () => {
  const { receipt } = await completedCase();
  const results = await Promise.all(Array.from({ length: 6 }, () => rate(receipt, "satisfied")));
  assert.equal(results.filter((r) => r.status === 200).length, 1, JSON.stringify(results.map((r) => r.status)));
  assert.ok(results.every((r) => r.status === 200 || r.status === 409));
});

test("a negative review: office verifies, the department rectifies, the applicant sees the outcome", async () => {
  const { receipt, cookie } = await completedCase();
  assertError(await rate(receipt, "very_dissatisfied", " "), 400, "invalid_parameter");
  const rated = await rate(receipt, "very_dissatisfied", "材料被要求反复提交三次");
  assert.equal(rated.status, 200);
  assert.equal(rated.body.evaluation.review.state, "pending_verification");

  const office = (await cookieOf("office_admin"));
  const list = (await staffGet(office, "/api/staff/reviews")).body;
  assert.ok(list.some((r) => r.case_no === receipt.case_no && r.state === "pending_verification"));
  const other = (await login("ga_window")).cookie;
  assert.ok(!(await staffGet(other, "/api/staff/reviews")).body.some((r) => r.case_no === receipt.case_no), "another department does not see it");
  assert.ok((await staffGet(cookie, "/api/staff/reviews")).body.some((r) => r.case_no === receipt.case_no), "its department does");

  const view = (await staffGet(office, `/api/staff/cases/${receipt.case_no}`)).body;
  const verdict = { version: view.version, verdict: "upheld", days: 5, instructions: "对窗口人员开展一次性告知制度培训" };
  assertError(await post(`/api/staff/cases/${receipt.case_no}/verification`, verdict, cookie), 403, "forbidden");
  assertError(await post(`/api/staff/cases/${receipt.case_no}/verification`, { ...verdict, days: 0 }, office), 400, "invalid_parameter");
  assertError(await post(`/api/staff/cases/${receipt.case_no}/verification`, { ...verdict, version: view.version - 1 }, office), 409, "conflict");
  const upheld = await post(`/api/staff/cases/${receipt.case_no}/verification`, verdict, office);
  assert.equal(upheld.status, 200, JSON.stringify(upheld.body));
  assert.equal(upheld.body.evaluation.review.state, "rectifying");
  assert.match(upheld.body.evaluation.review.rectify_by, /T23:59:59\+08:00$/);
  assertError(await post(`/api/staff/cases/${receipt.case_no}/verification`, { ...verdict, version: upheld.body.version }, office), 409, "conflict");
  const listed = async () => (await staffGet(office, "/api/staff/reviews")).body.find((r) => r.case_no === receipt.case_no);
  assert.equal((await listed()).overdue, false);
  // Let its deadline pass (the app cannot backdate): the office's list flags it.
  const rectifyBy = upheld.body.evaluation.review.rectify_by;
  sqlLocal(`UPDATE case_evaluation SET rectify_by = '2026-10-09T23:59:59+08:00' WHERE case_id = (SELECT id FROM case_record WHERE case_no = '${receipt.case_no}')`);
  assert.equal((await listed()).overdue, true);
  sqlLocal(`UPDATE case_evaluation SET rectify_by = '${rectifyBy}' WHERE case_id = (SELECT id FROM case_record WHERE case_no = '${receipt.case_no}')`);

  const report = { version: upheld.body.version, report: "已组织全体窗口人员培训，并向申请人致歉" };
  assertError(await post(`/api/staff/cases/${receipt.case_no}/rectification`, report, other), 404, "not_found");
  assertError(await post(`/api/staff/cases/${receipt.case_no}/rectification`, report, office), 403, "forbidden");
  assertError(await post(`/api/staff/cases/${receipt.case_no}/rectification`, { ...report, report: "" }, cookie), 400, "invalid_parameter");
  const fixed = await post(`/api/staff/cases/${receipt.case_no}/rectification`, report, cookie);
  assert.equal(fixed.status, 200, JSON.stringify(fixed.body));
  assert.equal(fixed.body.evaluation.review.state, "rectified");
  assert.equal(fixed.body.evaluation.review.late, false);

  const seen = (await track(receipt.case_no, receipt.query_code)).body;
  assert.equal(seen.evaluation.review.state, "rectified");
  assert.equal(seen.evaluation.review.report, "已组织全体窗口人员培训，并向申请人致歉");
  const notes = seen.timeline.map((e) => e.note);
  assert.ok(notes.some((n) => n.startsWith("县府办核实差评属实")));
  assert.ok(notes.includes("部门完成整改：已组织全体窗口人员培训，并向申请人致歉"));
});

test("a negative review found unfounded is closed with the reason the applicant reads", async () => {
  const { receipt } = await completedCase();
  await rate(receipt, "dissatisfied", "办理太慢");
  const office = (await cookieOf("office_admin"));
  const view = (await staffGet(office, `/api/staff/cases/${receipt.case_no}`)).body;
  const body = { version: view.version, verdict: "dismissed", reason: "经核查，该件在承诺时限内提前办结" };
  const res = await post(`/api/staff/cases/${receipt.case_no}/verification`, body, office);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const seen = (await track(receipt.case_no, receipt.query_code)).body;
  assert.equal(seen.evaluation.review.state, "dismissed");
  assert.equal(seen.evaluation.review.office_note, "经核查，该件在承诺时限内提前办结");
  const cookie = (await login("scjg_window")).cookie;
  const rectify = await post(`/api/staff/cases/${receipt.case_no}/rectification`, { version: res.body.version, report: "x" }, cookie);
  assertError(rectify, 409, "conflict");
});
