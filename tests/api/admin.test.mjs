// Administration: the county's settings, units, groups, intermediaries,
// staff accounts (one-time passwords) and the versioned catalogue.
// Each test makes its own records under unique names; settings are put back
// as they were, and no demo account or department is changed for good.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertError, get } from "../support/http.mjs";
import { foodForm, login, requiredFiles, sqlLocal, staffGet, submit, submitFood, track } from "../support/cases.mjs";
import { act, matterContent, post } from "../support/admin.mjs";

const fieldsOf = (res) => (res.body.error?.fields ?? []).map((f) => f.field);
let serial = 0;
const unique = () => `${Date.now()}${process.pid % 1000}${++serial}`;
const cookieOf = async (username) => (await login(username)).cookie;
const refusedLogin = (res) => assert.deepEqual([res.status, res.body.error?.code], [401, "unauthenticated"], JSON.stringify(res.body));

test("settings: only the office reads and saves them; stale and bad saves are refused; pages carry them", async () => {
  const office = await cookieOf("office_admin");
  const first = await staffGet(office, "/api/admin/settings");
  assert.equal(first.status, 200, JSON.stringify(first.body));
  const original = first.body;
  assert.deepEqual(Object.keys(original).sort(), ["settings", "version"]);
  assert.equal(original.settings.county_name, "示范县");
  assert.equal(original.settings.doc_prefixes.county_government, "示政发");

  for (const who of ["scjg_window", "scjg_head"]) {
    const cookie = await cookieOf(who);
    assertError(await staffGet(cookie, "/api/admin/settings"), 403, "forbidden");
    assertError(await post(cookie, "/api/admin/settings", original), 403, "forbidden");
  }

  const shell = await get("/");
  assert.equal(shell.status, 200);
  assert.match(shell.headers.get("content-type") ?? "", /text\/html/);
  assert.ok(shell.body.includes('id="county"'), "the settings block is in the page");
  assert.ok(shell.body.includes("示范县行政审批服务中心"));

  const address = `示范县城关镇测试路${unique()}号`;
  try {
    const changed = { ...original.settings, centre_address: address };
    const saved = await post(office, "/api/admin/settings", { settings: changed, version: original.version });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.equal(saved.body.version, original.version + 1);
    assert.equal(saved.body.settings.centre_address, address);
    assert.ok((await get("/")).body.includes(address), "the page shows the new address at once");

    const stale = await post(office, "/api/admin/settings", { settings: { ...changed, centre_address: "旧版本上的修改" }, version: original.version });
    assertError(stale, 409, "conflict");

    const bad = {
      ...changed,
      complaint_phone: "call us",
      doc_prefixes: { ...changed.doc_prefixes, department: changed.doc_prefixes.county_government },
    };
    const refused = await post(office, "/api/admin/settings", { settings: bad, version: saved.body.version });
    assertError(refused, 400, "invalid_parameter");
    assert.ok(fieldsOf(refused).includes("complaint_phone"), JSON.stringify(refused.body));
    assert.ok(fieldsOf(refused).includes("doc_prefixes.department"), JSON.stringify(refused.body));
    const now = (await staffGet(office, "/api/admin/settings")).body;
    assert.equal(now.version, saved.body.version, "nothing saved by the refused attempts");
    assert.equal(now.settings.complaint_phone, original.settings.complaint_phone);
  } finally {
    const current = (await staffGet(office, "/api/admin/settings")).body;
    const restored = await post(office, "/api/admin/settings", { settings: original.settings, version: current.version });
    assert.equal(restored.status, 200, JSON.stringify(restored.body));
    assert.deepEqual(restored.body.settings, original.settings);
  }
});

/** A unit without a window (so the public department list and statistics are untouched). */
const unitBody = (overrides = {}) => ({
  name: `测试成员单位${unique()}`, kind: "other", window: "", window_location: "", window_staff: 0,
  phone: "0000-6019999", sort: 900, active: true, version: 0, ...overrides,
});
const formOf = (u) => ({ name: u.name, kind: u.kind, window: u.window, window_location: u.window_location, window_staff: u.window_staff, phone: u.phone, sort: u.sort });

test("units: staff read them; the office creates, renames and deactivates; duplicates, bad forms and stale saves are refused", async () => {
  const window = await cookieOf("scjg_window");
  const office = await cookieOf("office_admin");
  const list = await staffGet(window, "/api/admin/units");
  assert.equal(list.status, 200);
  const market = list.body.units.find((u) => u.name === "县市场监督管理局") ?? assert.fail("no 县市场监督管理局");
  assert.equal(market.kind, "department");
  assert.equal((list.body.units.find((u) => u.name === "城关镇人民政府") ?? assert.fail("no township")).kind, "township");

  const body = unitBody();
  const created = await post(office, "/api/admin/units", body);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const unit = created.body;
  assert.deepEqual([unit.name, unit.kind, unit.active, unit.open_cases, unit.phone], [body.name, "other", true, 0, "0000-6019999"]);
  assert.ok((await staffGet(window, "/api/admin/units")).body.units.some((u) => u.id === unit.id));

  assertError(await post(office, "/api/admin/units", unitBody({ name: body.name })), 409, "conflict");
  assertError(await post(window, "/api/admin/units", unitBody()), 403, "forbidden");
  const township = await post(office, "/api/admin/units", unitBody({ kind: "township", window: "", window_staff: 2 }));
  assertError(township, 400, "invalid_parameter");
  assert.deepEqual(fieldsOf(township), ["window_staff"]);

  assertError(await post(office, `/api/admin/units/${unit.id}`, { ...formOf(unit), active: false, version: unit.version + 7 }), 409, "conflict");
  const off = await post(office, `/api/admin/units/${unit.id}`, { ...formOf(unit), active: false, version: unit.version });
  assert.equal(off.status, 200, JSON.stringify(off.body));
  assert.equal(off.body.active, false);
  assert.equal(off.body.version, unit.version + 1);
});

test("units: a department that leads open cases cannot be deactivated", async (t) => {
  const office = await cookieOf("office_admin");
  const market = async () => (await staffGet(office, "/api/admin/units")).body.units.find((u) => u.name === "县市场监督管理局");
  let before = await market();
  if (before.open_cases === 0) {
    await submitFood(); // a submitted food licence is an open case of the market bureau
    before = await market();
  }
  if (before.open_cases === 0) return t.skip("县市场监督管理局 has no open case");
  const res = await post(office, `/api/admin/units/${before.id}`, { ...formOf(before), active: false, version: before.version });
  try {
    assertError(res, 409, "conflict");
    assert.match(res.body.error.message, /在办件/);
    const after = await market();
    assert.deepEqual([after.active, after.version], [true, before.version], "nothing changed");
  } finally {
    if (res.status === 200) {
      // Put the demo department back for every other test.
      await post(office, `/api/admin/units/${before.id}`, { ...formOf(before), active: true, version: res.body.version });
    }
  }
});

test("unit groups: the demo groups are listed; the office creates and edits one; bad members are refused", async () => {
  const window = await cookieOf("scjg_window");
  const office = await cookieOf("office_admin");
  const list = await staffGet(window, "/api/admin/unit-groups");
  assert.equal(list.status, 200);
  const names = list.body.groups.map((g) => g.name);
  for (const name of ["县政府各部门", "各乡镇人民政府、街道办事处"]) assert.ok(names.includes(name), name);
  assert.ok(list.body.groups.find((g) => g.name === "县政府各部门").members.includes(1));

  const name = `测试分组${unique()}`;
  const created = await post(office, "/api/admin/unit-groups", { name, members: [1, 2], version: 0 });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  assert.equal(created.body.name, name);
  assert.deepEqual([...created.body.members].sort((a, b) => a - b), [1, 2]);
  assertError(await post(office, "/api/admin/unit-groups", { name, members: [3] }), 409, "conflict");

  assertError(await post(office, "/api/admin/unit-groups", { name: `测试分组${unique()}`, members: [1, 2, 1] }), 400, "invalid_parameter");
  assertError(await post(office, "/api/admin/unit-groups", { name: `测试分组${unique()}`, members: [1, 999999] }), 400, "invalid_parameter");
  assertError(await post(window, "/api/admin/unit-groups", { name: `测试分组${unique()}`, members: [1] }), 403, "forbidden");

  const g = created.body;
  const edited = await post(office, `/api/admin/unit-groups/${g.id}`, { name: g.name, members: [1, 2, 3], version: g.version });
  assert.equal(edited.status, 200, JSON.stringify(edited.body));
  assert.deepEqual([...edited.body.members].sort((a, b) => a - b), [1, 2, 3]);
  assertError(await post(office, `/api/admin/unit-groups/${g.id}`, { name: g.name, members: [4], version: g.version }), 409, "conflict");
});

test("intermediaries: listed for staff; the office creates and edits; duplicates and stale saves are refused", async () => {
  const window = await cookieOf("scjg_window");
  const office = await cookieOf("office_admin");
  const list = await staffGet(window, "/api/admin/intermediaries");
  assert.equal(list.status, 200);
  assert.ok(list.body.intermediaries.some((i) => i.name === "县诚信测绘有限公司"));

  const form = { name: `测试中介机构${unique()}`, service: "测试咨询服务", staff: 3, active: true, version: 0 };
  assertError(await post(window, "/api/admin/intermediaries", form), 403, "forbidden");
  const created = await post(office, "/api/admin/intermediaries", form);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const i = created.body;
  assert.deepEqual([i.name, i.service, i.staff, i.active], [form.name, "测试咨询服务", 3, true]);
  assertError(await post(office, "/api/admin/intermediaries", form), 409, "conflict");

  const saved = await post(office, `/api/admin/intermediaries/${i.id}`, { ...form, staff: 4, version: i.version });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  assert.equal(saved.body.staff, 4);
  assertError(await post(office, `/api/admin/intermediaries/${i.id}`, { ...form, staff: 5, version: i.version }), 409, "conflict");
  const off = await post(office, `/api/admin/intermediaries/${i.id}`, { ...form, staff: 4, active: false, version: saved.body.version });
  assert.equal(off.status, 200, JSON.stringify(off.body));
  assert.equal(off.body.active, false);
});

test("accounts: who sees and makes which; a one-time password must be changed first; reset and deactivation end sessions", async () => {
  const office = await cookieOf("office_admin");
  const head = await cookieOf("scjg_head");
  const all = await staffGet(office, "/api/admin/accounts");
  assert.equal(all.status, 200);
  assert.ok(all.body.accounts.some((a) => a.username === "office_admin"));
  const own = (await staffGet(head, "/api/admin/accounts")).body.accounts;
  assert.ok(own.length > 0 && own.every((a) => a.department_id === 1), JSON.stringify(own));
  assert.ok(own.some((a) => a.username === "scjg_window") && !own.some((a) => a.username === "ga_window"));
  assertError(await staffGet(await cookieOf("scjg_window"), "/api/admin/accounts"), 403, "forbidden");

  const username = `t_${unique()}`;
  const created = await post(head, "/api/admin/accounts", { username, name: "测试窗口员", role: "window_staff", department_id: 1 });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const { account, password: oneTime } = created.body;
  assert.equal(oneTime.length, 12);
  assert.deepEqual([account.username, account.role, account.department_id, account.active, account.must_change_password], [username, "window_staff", 1, true, true]);
  assertError(await post(head, "/api/admin/accounts", { username: `t_${unique()}`, name: "他部门", role: "window_staff", department_id: 2 }), 403, "forbidden");
  assertError(await post(head, "/api/admin/accounts", { username: `t_${unique()}`, name: "管理员", role: "office_admin", department_id: null }), 403, "forbidden");
  assertError(await post(head, "/api/admin/accounts", { username, name: "重名", role: "window_staff", department_id: 1 }), 409, "conflict");

  // First sign-in with the one-time password: only "who am I" and choosing a new one.
  const first = await login(username, oneTime);
  assert.equal(first.status, 200, JSON.stringify(first.body));
  assert.equal(first.body.must_change_password, true);
  assertError(await staffGet(first.cookie, "/api/staff/cases"), 403, "password_change_required");
  const me = await staffGet(first.cookie, "/api/staff/me");
  assert.equal(me.status, 200);
  assert.equal(me.body.must_change_password, true);
  const short = await post(first.cookie, "/api/staff/password", { current: oneTime, new: "short" });
  assertError(short, 400, "invalid_parameter");
  // Among the 3,000 most common passwords (any case): refused on its field.
  for (const common of ["Password123", "1QAZ2WSX3EDC", "basketball"]) {
    const res = await post(first.cookie, "/api/staff/password", { current: oneTime, new: common });
    assertError(res, 400, "invalid_parameter");
    assert.match(res.body.error.fields[0].message, /常见密码/, common);
  }
  const good = "Spring-River-42x";
  const changed = await post(first.cookie, "/api/staff/password", { current: oneTime, new: good });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  assert.equal(changed.body.must_change_password, false);
  assert.equal((await staffGet(first.cookie, "/api/staff/cases")).status, 200, "the same session goes on");
  refusedLogin(await login(username, oneTime));

  // The head may not make a department account an office admin.
  const current = () => staffGet(head, "/api/admin/accounts").then((r) => r.body.accounts.find((a) => a.username === username));
  let acc = await current();
  assert.equal(acc.must_change_password, false);
  const promote = await post(head, `/api/admin/accounts/${acc.id}`, { name: acc.name, role: "office_admin", department_id: null, active: true, version: acc.version });
  assertError(promote, 403, "forbidden");

  // Another department's head cannot tell an account of department 1 from
  // no account at all; window staff administer none.
  const otherHead = await cookieOf("zj_head");
  const probe = (id) => post(otherHead, `/api/admin/accounts/${id}`, { name: "探测", role: "window_staff", department_id: 4, active: true, version: acc.version });
  assertError(await probe(acc.id), 404, "not_found");
  assertError(await probe(999999), 404, "not_found");
  assertError(await post(otherHead, `/api/admin/accounts/${acc.id}/password-reset`, { version: acc.version }), 404, "not_found");
  assertError(await post(await cookieOf("scjg_window"), `/api/admin/accounts/${acc.id}/password-reset`, { version: acc.version }), 403, "forbidden");

  // A reset gives a new one-time password and ends the sessions.
  const reset = await post(head, `/api/admin/accounts/${acc.id}/password-reset`, { version: acc.version });
  assert.equal(reset.status, 200, JSON.stringify(reset.body));
  assert.equal(reset.body.password.length, 12);
  assert.notEqual(reset.body.password, oneTime);
  assert.equal(reset.body.account.must_change_password, true);
  assertError(await staffGet(first.cookie, "/api/staff/me"), 401, "unauthenticated");
  assertError(await post(head, `/api/admin/accounts/${acc.id}/password-reset`, { version: acc.version }), 409, "conflict");
  const again = await login(username, reset.body.password);
  assert.equal(again.status, 200);
  assert.equal(again.body.must_change_password, true);

  // Deactivated: its session ends and it no longer signs in.
  acc = await current();
  const off = await post(head, `/api/admin/accounts/${acc.id}`, { name: acc.name, role: "window_staff", department_id: 1, active: false, version: acc.version });
  assert.equal(off.status, 200, JSON.stringify(off.body));
  assert.equal(off.body.active, false);
  assertError(await staffGet(again.cookie, "/api/staff/me"), 401, "unauthenticated");
  refusedLogin(await login(username, reset.body.password));
});

test("accounts: the last active office admin can be neither deactivated nor demoted", async (t) => {
  const office = await cookieOf("office_admin");
  const accounts = (await staffGet(office, "/api/admin/accounts")).body.accounts;
  const admins = accounts.filter((a) => a.role === "office_admin" && a.active);
  if (admins.length !== 1) return t.skip(`${admins.length} active office admins`);
  const me = admins[0];
  assert.equal(me.username, "office_admin");
  const base = { name: me.name, department_id: null, version: me.version };
  try {
    assertError(await post(office, `/api/admin/accounts/${me.id}`, { ...base, role: "office_admin", active: false }), 409, "conflict");
    assertError(await post(office, `/api/admin/accounts/${me.id}`, { ...base, role: "department_head", department_id: 1, active: true }), 409, "conflict");
  } catch (e) {
    // Should the rule fail, give every later test its office admin back.
    sqlLocal(`UPDATE staff SET role = 'office_admin', department_id = NULL, active = 1 WHERE id = ${me.id}`);
    throw e;
  }
  const still = (await staffGet(office, "/api/admin/accounts")).body.accounts.find((a) => a.id === me.id);
  assert.deepEqual([still.active, still.role, still.version], [true, "office_admin", me.version]);
  assert.equal((await login("office_admin")).status, 200);
});

test("catalogue versions: draft, review and publication; a change keeps earlier cases on their version", async () => {
  const head = await cookieOf("scjg_head");
  const office = await cookieOf("office_admin");
  const window = await cookieOf("scjg_window");
  assertError(await staffGet(window, "/api/admin/matter-versions"), 403, "forbidden");

  const code = `T-${unique()}`;
  const content = matterContent(code);
  const late = await post(head, "/api/admin/matter-versions", { matter_id: null, content: { ...content, committed_days: 30 } });
  assertError(late, 400, "invalid_parameter");
  assert.ok(fieldsOf(late).includes("committed_days"), JSON.stringify(late.body));
  const twice = { ...content, materials: [content.materials[0], { ...content.materials[1], name: content.materials[0].name }] };
  assertError(await post(head, "/api/admin/matter-versions", { matter_id: null, content: twice }), 400, "invalid_parameter");

  const created = await post(head, "/api/admin/matter-versions", { matter_id: null, content });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  let v = created.body.version;
  assert.deepEqual([v.state, v.matter_id, v.number], ["draft", null, null]);
  assert.ok(created.body.changes.length > 0, "a new matter: everything is a change");
  const id = v.id;
  assertError(await post(head, `/api/admin/matter-versions/${id}`, { content, rev: v.rev - 1 }), 409, "conflict");
  assertError(await staffGet(window, `/api/admin/matter-versions/${id}`), 404, "not_found");
  assertError(await staffGet(await cookieOf("ga_window"), `/api/admin/matter-versions/${id}`), 404, "not_found");

  // Submitted, sent back with a reason, edited, submitted again, published.
  let res = await act(head, id, "submit", v.rev);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  v = res.body.version;
  assert.equal(v.state, "submitted");
  assertError(await act(head, id, "publish", v.rev), 403, "forbidden");
  assertError(await act(office, id, "return", v.rev, " "), 400, "invalid_parameter");
  res = await act(office, id, "return", v.rev, "请写明收费依据");
  assert.equal(res.status, 200, JSON.stringify(res.body));
  v = res.body.version;
  assert.deepEqual([v.state, v.review_note], ["returned", "请写明收费依据"]);
  const edited = { ...content, fee_basis: "《行政事业性收费管理条例》" };
  res = await post(head, `/api/admin/matter-versions/${id}`, { content: edited, rev: v.rev });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  v = res.body.version;
  assert.equal(v.content.fee_basis, "《行政事业性收费管理条例》");
  v = (await act(head, id, "submit", v.rev)).body.version;
  assert.equal(v.state, "submitted");
  res = await act(office, id, "publish", v.rev);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  v = res.body.version;
  assert.deepEqual([v.state, v.number], ["published", 1]);
  const matterId = v.matter_id ?? assert.fail("published without a matter");
  assertError(await post(head, `/api/admin/matter-versions/${id}`, { content: edited, rev: v.rev }), 409, "conflict");

  const guide = await get(`/api/matters/${matterId}`);
  assert.equal(guide.status, 200);
  assert.deepEqual([guide.body.code, guide.body.name, guide.body.department_id], [code, content.name, 1]);
  const v1Materials = content.materials.map((m) => m.name);
  assert.deepEqual(guide.body.materials.map((m) => m.name), v1Materials);

  // An application under version 1, before the change is published.
  const submitted = await submit(foodForm(guide.body, { fields: { site: "人民路2号" } }), requiredFiles(guide.body));
  assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
  const receipt = submitted.body;

  // A change: one material added.
  const added = { name: "场所平面示意图", form: "copy", copies: 1, required: false, note: "" };
  const change = { ...edited, materials: [...edited.materials, added] };
  const draft = await post(head, "/api/admin/matter-versions", { matter_id: matterId, content: change });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  let v2 = draft.body.version;
  assert.deepEqual([v2.state, v2.matter_id, v2.base_number], ["draft", matterId, 1]);
  const entry = draft.body.changes.find((c) => c.field.startsWith("材料：") && c.before === "（新增）");
  assert.ok(entry, JSON.stringify(draft.body.changes));
  assert.equal(entry.field, `材料：${added.name}`);
  assertError(await post(head, "/api/admin/matter-versions", { matter_id: matterId, content: change }), 409, "conflict");
  const openList = (await staffGet(head, "/api/admin/matter-versions")).body.versions;
  assert.ok(openList.some((s) => s.id === v2.id && s.state === "draft"));

  v2 = (await act(head, v2.id, "submit", v2.rev)).body.version;
  res = await act(office, v2.id, "publish", v2.rev);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.deepEqual([res.body.version.state, res.body.version.number], ["published", 2]);
  const guide2 = (await get(`/api/matters/${matterId}`)).body;
  assert.deepEqual(guide2.materials.map((m) => m.name), [...v1Materials, added.name]);

  const versions = await staffGet(office, `/api/admin/matter-versions?matter=${matterId}`);
  assert.equal(versions.status, 200);
  assert.deepEqual(versions.body.versions.map((s) => [s.id, s.number, s.state]), [[v2.id, 2, "published"], [id, 1, "published"]]);

  // The case submitted under version 1 keeps version 1's materials.
  const tracked = await track(receipt.case_no, receipt.query_code);
  assert.equal(tracked.status, 200, JSON.stringify(tracked.body));
  assert.deepEqual(tracked.body.materials.map((m) => m.name), v1Materials);
});

test("a one-time password left unused for more than 72 hours no longer signs in; a reset issues a fresh one", async () => {
  const office = await cookieOf("office_admin");
  const username = `otp_${unique()}`;
  const created = await post(office, "/api/admin/accounts", { username, name: "过期测试", role: "window_staff", department_id: 1 });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  sqlLocal(`UPDATE staff SET password_issued_at = CAST(strftime('%s', 'now') AS INTEGER) - 73 * 3600 WHERE username = '${username}';`);
  const late = await login(username, created.body.password);
  assert.equal(late.status, 401);
  assert.match(late.body.error.message, /一次性密码已超过72小时未使用而失效/);
  const reset = await post(office, `/api/admin/accounts/${created.body.account.id}/password-reset`, { version: created.body.account.version });
  assert.equal(reset.status, 200, JSON.stringify(reset.body));
  const fresh = await login(username, reset.body.password);
  assert.equal(fresh.status, 200, JSON.stringify(fresh.body));
  assert.equal(fresh.body.must_change_password, true);
  await post(office, `/api/admin/accounts/${created.body.account.id}`, { name: "过期测试", role: "window_staff", department_id: 1, active: false, version: reset.body.account.version });
});
