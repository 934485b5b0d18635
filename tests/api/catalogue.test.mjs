// The public catalogue against the real Worker and the demo data in local D1.
import { test } from "node:test";
import assert from "node:assert/strict";
import { get, assertError, rowsRead } from "../support/http.mjs";

test("departments list their windows and how many matters each has", async () => {
  const res = await get("/api/departments");
  assert.equal(res.status, 200);
  const { departments } = res.body;
  assert.ok(departments.length >= 10);
  for (const d of departments) {
    assert.ok(d.name && d.window && d.phone, JSON.stringify(d));
    assert.ok(d.matter_count > 0);
  }
  const total = departments.reduce((n, d) => n + d.matter_count, 0);
  assert.equal(total, (await get("/api/matters")).body.matters.length);
});

test("the whole catalogue has at least 40 matters across the classes", async () => {
  const res = await get("/api/matters");
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type"), /application\/json/);
  const { matters } = res.body;
  assert.ok(matters.length >= 40, `${matters.length} matters`);
  const classes = new Set(matters.map((m) => m.class));
  for (const c of ["immediate", "commitment", "joint", "report_up"]) assert.ok(classes.has(c), c);
  for (const m of matters) assert.ok(m.committed_days <= m.statutory_days, m.code);
});

test("filter by department returns only that department's matters, through its index", async () => {
  const { departments } = (await get("/api/departments")).body;
  const police = departments.find((d) => d.name === "县公安局");
  const res = await get(`/api/matters?department=${police.id}`);
  assert.equal(res.status, 200);
  assert.equal(res.body.matters.length, police.matter_count);
  assert.ok(res.body.matters.every((m) => m.department_id === police.id && m.department_name === "县公安局"));
  assert.ok(rowsRead(res) <= police.matter_count + 2, `rows read ${rowsRead(res)}`);
});

test("search matches matter names, results and departments", async () => {
  const byName = (await get(`/api/matters?q=${encodeURIComponent("护照")}`)).body.matters;
  assert.deepEqual(byName.map((m) => m.name), ["普通护照签发"]);

  const byResult = (await get(`/api/matters?q=${encodeURIComponent("营业执照")}`)).body.matters;
  assert.ok(byResult.some((m) => m.name === "个体工商户设立登记"));

  const byDept = (await get(`/api/matters?q=${encodeURIComponent("民政局")}`)).body.matters;
  assert.ok(byDept.length >= 4 && byDept.every((m) => m.department_name === "县民政局"));

  const byCode = (await get("/api/matters?q=ga003")).body.matters;
  assert.deepEqual(byCode.map((m) => m.code), ["GA003"]);
});

test("search and department filter combine", async () => {
  const { departments } = (await get("/api/departments")).body;
  const market = departments.find((d) => d.name === "县市场监督管理局");
  const res = await get(`/api/matters?department=${market.id}&q=${encodeURIComponent("食品")}`);
  assert.deepEqual(res.body.matters.map((m) => m.name).sort(), ["食品小作坊登记", "食品经营许可（新办）"].sort());
  const none = await get(`/api/matters?department=${market.id}&q=${encodeURIComponent("护照")}`);
  assert.deepEqual(none.body.matters, []);
});

test("wildcards in the search text match literally", async () => {
  for (const q of ["%", "_", "\\"]) {
    const res = await get(`/api/matters?q=${encodeURIComponent(q)}`);
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.matters, [], q);
  }
});

test("bad catalogue filters answer 400", async () => {
  assertError(await get("/api/matters?department=abc"), 400, "invalid_parameter");
  assertError(await get("/api/matters?department=-2"), 400, "invalid_parameter");
  assertError(await get(`/api/matters?q=${"许".repeat(51)}`), 400, "invalid_parameter");
});

test("a matter's guide has all nine disclosures and the date if accepted today", async () => {
  const list = (await get(`/api/matters?q=${encodeURIComponent("食品经营许可")}`)).body.matters;
  const res = await get(`/api/matters/${list[0].id}`);
  assert.equal(res.status, 200);
  const m = res.body;
  assert.equal(m.name, "食品经营许可（新办）");
  assert.equal(m.department_name, "县市场监督管理局");
  for (const field of ["legal_basis", "conditions", "fee", "fee_basis", "result", "complaint_phone", "window"]) {
    assert.ok(m[field].length > 0, field);
  }
  assert.ok(m.procedure.length >= 3);
  assert.ok(m.materials.length >= 3);
  for (const mat of m.materials) {
    assert.ok(["original", "copy", "original_and_copy"].includes(mat.form));
    assert.ok(mat.copies >= 1 && typeof mat.required === "boolean" && mat.name);
  }
  assert.ok(m.statutory_days >= m.committed_days && m.committed_days === 10);

  // The expected date is the committed limit counted from today (UTC+08:00).
  const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  assert.equal(m.if_accepted_today.accepted, today);
  assert.equal(m.if_accepted_today.days, 10);
  const direct = await get(`/api/calendar/deadline?accepted=${today}&days=10`);
  assert.equal(m.if_accepted_today.deadline, direct.body.deadline);
  assert.ok(rowsRead(res) <= 20, `a guide reads a handful of rows, read ${rowsRead(res)}`);
});

test("an unknown matter answers 404 in the error shape", async () => {
  assertError(await get("/api/matters/999999"), 404, "not_found");
  assertError(await get("/api/matters/abc"), 404, "not_found");
});
