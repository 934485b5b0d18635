// Window disposition in the six classes, illegal transitions, concurrent
// staff, the audit trail, supplement and resubmission, and who may see what.
import { test } from "node:test";
import assert from "node:assert/strict";
import { get } from "../support/http.mjs";
import { BASE_URL } from "../support/http.mjs";
import { clientIp, cookieOf, dispose, JPEG, login, staffGet, submitFood, track } from "../support/cases.mjs";

async function departmentId(name) {
  return (await get("/api/departments")).body.departments.find((d) => d.name === name).id;
}

async function fresh() {
  const { receipt } = await submitFood();
  const { cookie } = await login("scjg_window");
  const view = (await staffGet(cookie, `/api/staff/cases/${receipt.case_no}`)).body;
  return { receipt, cookie, view };
}

test("each of the six dispositions moves a submitted case to its state", async () => {
  const police = await departmentId("县公安局");
  const cases = [
    [{ class: "immediate" }, "completed"],
    [{ class: "commitment" }, "in_progress"],
    [{ class: "joint", co_departments: [police] }, "in_progress"],
    [{ class: "report_up", authority: "市市场监督管理局" }, "reported_up"],
    [{ class: "supplement", items: ["营业执照复印件未加盖公章", "缺少健康证明原件"] }, "awaiting_supplement"],
    [{ class: "returned", reasons: "申请事项不属于本部门职权范围" }, "returned"],
  ];
  for (const [disposition, state] of cases) {
    const { receipt, cookie, view } = await fresh();
    const res = await dispose(cookie, receipt.case_no, { version: view.version, ...disposition });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.state, state);
    assert.equal(res.body.class, disposition.class);
    assert.equal(res.body.version, view.version + 1);
    const last = res.body.timeline.at(-1);
    assert.deepEqual([last.actor, last.from_state, last.to_state], ["王晓燕", "submitted", state]);
    const public_ = (await track(receipt.case_no, receipt.query_code)).body;
    assert.equal(public_.state, state);
    if (disposition.class === "commitment" || disposition.class === "joint") {
      // The deadline is the matter's committed working days from today.
      const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
      const expected = (await get(`/api/calendar/deadline?accepted=${today}&days=10`)).body.deadline;
      assert.equal(res.body.deadline, expected);
      assert.equal(public_.deadline, expected);
      assert.equal(public_.accepted_on, today);
    } else {
      assert.equal(public_.deadline, null, "the clock does not run");
    }
    if (disposition.class === "supplement") assert.deepEqual(public_.supplement_items, disposition.items);
    if (disposition.class === "returned") assert.equal(public_.return_reasons, disposition.reasons);
    if (disposition.class === "report_up") assert.equal(public_.report_authority, "市市场监督管理局");
  }
});

test("every illegal transition answers 409 with the current state", async () => {
  const { receipt, cookie, view } = await fresh();
  assert.equal((await dispose(cookie, receipt.case_no, { version: view.version, class: "commitment" })).status, 200);
  for (const d of [{ class: "immediate" }, { class: "commitment" }, { class: "returned", reasons: "x" }, { class: "supplement", items: ["x"] }]) {
    const res = await dispose(cookie, receipt.case_no, { version: view.version + 1, ...d });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, "conflict");
    assert.equal(res.body.error.current_state, "in_progress");
  }
});

test("dispositions need their particulars", async () => {
  const { receipt, cookie, view } = await fresh();
  for (const d of [
    { class: "joint", co_departments: [] },
    { class: "report_up", authority: " " },
    { class: "supplement", items: [] },
    { class: "returned", reasons: "" },
    { class: "joint", co_departments: [999999] },
  ]) {
    const res = await dispose(cookie, receipt.case_no, { version: view.version, ...d });
    assert.equal(res.status, 400, JSON.stringify(d));
  }
  assert.equal((await track(receipt.case_no, receipt.query_code)).body.state, "submitted");
});

test("two staff disposing of the same case at once: exactly one succeeds", async () => {
  for (let round = 0; round < 3; round++) {
    const { receipt, cookie, view } = await fresh();
    const head = (await login("scjg_head")).cookie;
    const [a, b] = await Promise.all([
      dispose(cookie, receipt.case_no, { version: view.version, class: "commitment" }),
      dispose(head, receipt.case_no, { version: view.version, class: "returned", reasons: "不符合条件" }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409]);
    const timeline = (await track(receipt.case_no, receipt.query_code)).body.timeline;
    assert.equal(timeline.length, 2, "one submission event and one disposition event");
  }
});

test("a stale version is refused even when the transition would be legal", async () => {
  const { receipt, cookie, view } = await fresh();
  const res = await dispose(cookie, receipt.case_no, { version: view.version - 1, class: "commitment" });
  assert.equal(res.status, 409);
  assert.equal(res.body.error.current_state, "submitted");
});

test("supplement: one notice, the applicant resubmits, the window accepts", async () => {
  const { receipt, cookie, view } = await fresh();
  const items = ["营业执照复印件未加盖公章"];
  assert.equal((await dispose(cookie, receipt.case_no, { version: view.version, class: "supplement", items })).status, 200);

  const body = new FormData();
  body.set("code", receipt.query_code);
  body.append(`material:${view.materials[1].id}`, new Blob([JPEG]), "licence.jpg");
  const res = await fetch(`${BASE_URL}/api/track/${receipt.case_no}/supplement`, {
    method: "POST", body, headers: { "CF-Connecting-IP": clientIp() },
  });
  const after = await res.json();
  assert.equal(res.status, 200, JSON.stringify(after));
  assert.equal(after.state, "submitted");
  assert.deepEqual(after.timeline.map((e) => e.to_state), ["submitted", "awaiting_supplement", "submitted"]);

  const again = await fetch(`${BASE_URL}/api/track/${receipt.case_no}/supplement`, {
    method: "POST", body, headers: { "CF-Connecting-IP": clientIp() },
  });
  assert.equal(again.status, 409, "no supplement is due now");

  const staffView = (await staffGet(cookie, `/api/staff/cases/${receipt.case_no}`)).body;
  assert.equal(staffView.files.filter((f) => f.round === 1).length, 1);
  const accepted = await dispose(cookie, receipt.case_no, { version: staffView.version, class: "commitment" });
  assert.equal(accepted.status, 200);
  assert.equal(accepted.body.state, "in_progress");
});

test("staff must sign in; wrong passwords are refused and throttled", async () => {
  const { receipt } = await submitFood();
  assert.equal((await staffGet(null, "/api/staff/cases")).status, 401);
  assert.equal((await staffGet("sid=forged", `/api/staff/cases/${receipt.case_no}`)).status, 401);
  assert.equal((await dispose(null, receipt.case_no, { version: 1, class: "commitment" })).status, 401);
  const wrong = await login("scjg_window", "not-the-password");
  assert.equal(wrong.status, 401);
  assert.equal(wrong.body.error.message, "用户名或密码错误");
  assert.equal((await login("no_such_user", "x")).body.error.message, "用户名或密码错误");

  const ok = await login("scjg_window");
  assert.match(ok.setCookie, /HttpOnly/);
  assert.match(ok.setCookie, /Secure/);
  assert.match(ok.setCookie, /SameSite=Strict/);

  // Throttled per (user, address) with growing delays: boundaries.test.mjs.
});

test("departments see and act on only their own cases; the office oversees", async () => {
  const { receipt, cookie, view } = await fresh();
  const police = (await login("ga_window")).cookie;
  // Another department's case answers like one that does not exist.
  assert.equal((await staffGet(police, `/api/staff/cases/${receipt.case_no}`)).status, 404);
  assert.equal((await dispose(police, receipt.case_no, { version: view.version, class: "commitment" })).status, 404);
  assert.equal((await staffGet(police, `/api/staff/files/${view.files[0].id}`)).status, 404);
  const policeSearch = (await staffGet(police, `/api/staff/cases?q=${receipt.case_no}`)).body.cases;
  assert.deepEqual(policeSearch, []);

  const office = (await cookieOf("office_admin"));
  assert.equal((await staffGet(office, `/api/staff/cases/${receipt.case_no}`)).status, 200);
  assert.equal((await dispose(office, receipt.case_no, { version: view.version, class: "commitment" })).status, 403);

  // The owner sees the file, served as what it is.
  const file = await staffGet(cookie, `/api/staff/files/${view.files[0].id}`);
  assert.equal(file.status, 200);
  assert.equal(file.headers.get("content-type"), "image/jpeg");
  assert.deepEqual(file.body, JPEG);
  // Shown in a sandbox of its own: nothing in an upload runs on the app's origin.
  assert.match(file.headers.get("content-security-policy"), /^sandbox; default-src 'none'/);
  assert.match(file.headers.get("content-disposition"), /^inline; filename=/);
  assert.equal(file.headers.get("x-content-type-options"), "nosniff");

  // A joint case becomes visible to its co-department.
  const policeId = await departmentId("县公安局");
  assert.equal((await dispose(cookie, receipt.case_no, { version: view.version, class: "joint", co_departments: [policeId] })).status, 200);
  assert.equal((await staffGet(police, `/api/staff/cases/${receipt.case_no}`)).status, 200);
  assert.equal((await dispose(police, receipt.case_no, { version: view.version + 1, class: "commitment" })).status, 403);
  assert.ok((await staffGet(police, `/api/staff/cases?q=${receipt.case_no}`)).body.cases.some((c) => c.case_no === receipt.case_no));
});

test("nothing public exposes another applicant's case", async () => {
  const a = (await submitFood()).receipt;
  const b = (await submitFood()).receipt;
  assert.equal((await track(a.case_no, b.query_code)).status, 404);
  assert.equal((await track(b.case_no, a.query_code)).status, 404);
  const view = (await track(a.case_no, a.query_code)).body;
  assert.equal(JSON.stringify(view).includes("91350100M000100Y43"), false, "no identity number in the public view");
  assert.equal(JSON.stringify(view).includes("13800138000"), false, "no mobile number in the public view");
});
