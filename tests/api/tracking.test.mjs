// The applicant's tracking look-up (issues 14 and 16): a few rows whatever
// the case's history, the same as staff see of it, and the query code only
// ever in a request body.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL, assertError, get, postPublic, rowsRead } from "../support/http.mjs";
import { JPEG, act, clientIp, cookieOf, dispose, login, staffGet, submitFood, track } from "../support/cases.mjs";

/** The staff view's copy of what the applicant sees (it embeds the tracking view). */
function sameAsStaff(publicView, staffView, when) {
  for (const [key, value] of Object.entries(publicView)) assert.deepEqual(value, staffView[key], `${when}: ${key}`);
}

/** Looks the case up, checks the rows read and that it shows what staff see. */
async function lookUp(receipt, cookie, when) {
  const res = await track(receipt.case_no, receipt.query_code);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.ok(rowsRead(res) <= 5, `${when}: ${rowsRead(res)} rows read`);
  sameAsStaff(res.body, (await staffGet(cookie, `/api/staff/cases/${receipt.case_no}`)).body, when);
  return res.body;
}

async function resubmit(receipt, materialId) {
  const body = new FormData();
  body.set("code", receipt.query_code);
  body.append(`material:${materialId}`, new Blob([JPEG]), "licence.jpg");
  const res = await fetch(`${BASE_URL}/api/track/${receipt.case_no}/supplement`, { method: "POST", body, headers: { "CF-Connecting-IP": clientIp() } });
  assert.equal(res.status, 200, await res.text());
}

async function post(cookie, path, json) {
  const res = await fetch(`${BASE_URL}${path}`, { method: "POST", headers: { "Content-Type": "application/json", Cookie: cookie }, body: JSON.stringify(json) });
  const body = await res.json();
  assert.equal(res.status, 200, JSON.stringify(body));
  return body;
}

test("a look-up reads at most 5 rows however long the case's history, and shows what staff see", async () => {
  const { receipt } = await submitFood();
  const window = (await login("scjg_window")).cookie;
  const head = (await login("scjg_head")).cookie;
  const office = await cookieOf("office_admin");
  let view = (await staffGet(window, `/api/staff/cases/${receipt.case_no}`)).body;
  await lookUp(receipt, window, "new");

  // Three supplement rounds.
  for (let round = 1; round <= 3; round++) {
    view = (await dispose(window, receipt.case_no, { version: view.version, class: "supplement", items: [`第${round}次补正：营业执照复印件未加盖公章`] })).body;
    await lookUp(receipt, window, `supplement ${round} due`);
    await resubmit(receipt, view.materials[1].id);
    view = (await staffGet(window, `/api/staff/cases/${receipt.case_no}`)).body;
  }
  view = (await dispose(window, receipt.case_no, { version: view.version, class: "commitment" })).body;
  // Pauses with their reasons, one left running, then an extension.
  for (const reason of ["expert_review", "testing", "site_survey"]) {
    view = (await act(window, receipt.case_no, { version: view.version, action: "pause", reason })).body;
    await lookUp(receipt, window, `paused for ${reason}`);
    view = (await act(window, receipt.case_no, { version: view.version, action: "resume" })).body;
  }
  view = (await act(window, receipt.case_no, { version: view.version, action: "request_extension", days: 5, reason: "需组织专家现场论证" })).body;
  view = (await act(head, receipt.case_no, { version: view.version, action: "decide_extension", approve: true })).body;
  const running = await lookUp(receipt, window, "extended");
  assert.ok(running.ledger.explanation.some((l) => l.includes("延期（李建国批准")), JSON.stringify(running.ledger));
  view = (await act(window, receipt.case_no, { version: view.version, action: "complete", result: "准予许可" })).body;

  // Rated, the rating upheld, the department rectifies.
  const rating = { code: receipt.query_code, level: "very_dissatisfied", comment: "材料被要求反复提交" };
  const rated = await fetch(`${BASE_URL}/api/track/${receipt.case_no}/evaluation`, {
    method: "POST", headers: { "Content-Type": "application/json", "CF-Connecting-IP": clientIp() }, body: JSON.stringify(rating),
  });
  assert.equal(rated.status, 200);
  view = (await staffGet(office, `/api/staff/cases/${receipt.case_no}`)).body;
  view = await post(office, `/api/staff/cases/${receipt.case_no}/verification`, { version: view.version, verdict: "upheld", days: 5, instructions: "开展培训" });
  await post(window, `/api/staff/cases/${receipt.case_no}/rectification`, { version: view.version, report: "已培训并致歉" });
  const done = await lookUp(receipt, window, "rated and rectified");
  assert.equal(done.evaluation.review.state, "rectified");
  assert.ok(done.timeline.length >= 20, `${done.timeline.length} events`);
});

test("the query code in a URL no longer reveals a case", async () => {
  const { receipt } = await submitFood();
  const unknown = await track("SP20200101999999", receipt.query_code);
  const old = await get(`/api/track/${receipt.case_no}?code=${receipt.query_code}`);
  assertError(old, 404, "not_found");
  assert.doesNotMatch(JSON.stringify(old.body), new RegExp(receipt.case_no));
  // The new method with the code in the query string and none in the body.
  const misplaced = await postPublic(`/api/track/${receipt.case_no}?code=${receipt.query_code}`, { code: "" }, { ip: clientIp() });
  assertError(misplaced, 404, "not_found");
  assert.deepEqual(misplaced.body, unknown.body, "answers like an unknown case");
  assert.equal((await track(receipt.case_no, receipt.query_code)).status, 200, "the body's code still does");
});

test("a department's new name reaches its open cases' tracking; a completed case keeps the name it was decided under", async () => {
  const office = await cookieOf("office_admin");
  const window = (await login("scjg_window")).cookie;
  const open = (await submitFood()).receipt;
  const done = (await submitFood()).receipt;
  const view = (await staffGet(window, `/api/staff/cases/${done.case_no}`)).body;
  assert.equal((await dispose(window, done.case_no, { version: view.version, class: "immediate" })).status, 200);
  const units = (await staffGet(office, "/api/admin/units")).body.units;
  const market = units.find((u) => u.name === "县市场监督管理局") ?? assert.fail("no 县市场监督管理局");
  const form = (u, name) => ({ name, kind: u.kind, window: u.window, window_location: u.window_location, window_staff: u.window_staff, phone: u.phone, sort: u.sort, active: true });
  const renamed = await post(office, `/api/admin/units/${market.id}`, { ...form(market, "县市场监督管理局（更名测试）"), version: market.version });
  try {
    assert.equal((await track(open.case_no, open.query_code)).body.department_name, "县市场监督管理局（更名测试）");
    assert.equal((await track(done.case_no, done.query_code)).body.department_name, "县市场监督管理局");
  } finally {
    // Put the demo department back for every other test.
    await post(office, `/api/admin/units/${market.id}`, { ...form(market, market.name), version: renamed.version });
  }
  assert.equal((await track(open.case_no, open.query_code)).body.department_name, "县市场监督管理局");
});
