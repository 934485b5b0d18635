// The catalogue as a CSV file: the office exports it, re-imports it
// unchanged, adds and changes a matter by import, and a file with a broken
// line is refused whole with each line's problem.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL, assertError, get } from "../support/http.mjs";
import { cookieOf, login, staffGet } from "../support/cases.mjs";
import { post } from "../support/admin.mjs";

async function exportCsv(cookie) {
  const res = await fetch(`${BASE_URL}/api/admin/catalogue/export`, { headers: { Cookie: cookie } });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get("content-type"), bytes, text: bytes.toString("utf8") };
}

const importCsv = (cookie, csv) => post(cookie, "/api/admin/catalogue/import", { csv });

/** One more line for the file: a new matter of 县市场监督管理局. */
function line(code, committed = 5) {
  const cells = [
    code, `测试导入事项${code.slice(-5)}`, "县市场监督管理局", "承诺件", "《测试导入办法》第一条", "本县登记的单位",
    "导入申请书|原件|1|必交|\n单位证明|复印件|1|必交|加盖公章", "申请\n受理\n办结", "20", String(committed), "不收费", "", "是", "导入证明", "2",
    "site|经营场所|必填",
  ];
  return cells.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(",") + "\r\n";
}

test("only the office exports; the export re-imports unchanged", async () => {
  assertError(await staffGet((await login("scjg_head")).cookie, "/api/admin/catalogue/export"), 403, "forbidden");
  const office = (await cookieOf("office_admin"));
  const exported = await exportCsv(office);
  assert.equal(exported.status, 200);
  assert.match(exported.type, /^text\/csv/);
  // UTF-8 with a byte-order mark, as spreadsheet programs in China open it.
  assert.deepEqual([...exported.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.ok(exported.text.startsWith("\ufeff事项编码,事项名称,实施部门"), exported.text.slice(0, 40));
  const published = (await get("/api/matters")).body.matters.length;
  const again = await importCsv(office, exported.text);
  assert.equal(again.status, 200, JSON.stringify(again.body).slice(0, 500));
  assert.equal(again.body.rows.length, published);
  assert.deepEqual([...new Set(again.body.rows.map((r) => r.outcome))], ["unchanged"]);
  // Nothing was published: the export is the same file.
  assert.equal((await exportCsv(office)).text, exported.text);
});

test("an import adds a matter, then publishes a change to it as its next version", async () => {
  const office = (await cookieOf("office_admin"));
  const base = (await exportCsv(office)).text;
  const code = `IMP-${Date.now()}`;
  const added = await importCsv(office, base + line(code));
  assert.equal(added.status, 200, JSON.stringify(added.body).slice(0, 500));
  assert.deepEqual(added.body.rows.filter((r) => r.outcome !== "unchanged").map((r) => [r.code, r.outcome]), [[code, "created"]]);
  const summary = (await get(`/api/matters?q=${code}`)).body.matters.find((m) => m.code === code) ?? assert.fail("not in the catalogue");
  const guide = (await get(`/api/matters/${summary.id}`)).body;
  assert.deepEqual(guide.materials.map((m) => [m.name, m.form, m.required]), [["导入申请书", "original", true], ["单位证明", "copy", true]]);
  assert.equal(guide.committed_days, 5);

  const changed = await importCsv(office, base + line(code, 3));
  assert.equal(changed.status, 200, JSON.stringify(changed.body).slice(0, 500));
  assert.deepEqual(changed.body.rows.filter((r) => r.outcome !== "unchanged").map((r) => r.outcome), ["updated"]);
  assert.equal((await get(`/api/matters/${summary.id}`)).body.committed_days, 3);
  const history = (await staffGet(office, `/api/admin/matter-versions?matter=${summary.id}`)).body.versions;
  assert.deepEqual(history.map((v) => [v.number, v.state]), [[2, "published"], [1, "published"]]);

  // A matter with a draft open is left to its draft: the import names the line and imports nothing.
  const head = (await login("scjg_head")).cookie;
  const current = (await staffGet(office, `/api/admin/matter-versions/${history[0].id}`)).body.version.content;
  const draft = await post(head, "/api/admin/matter-versions", { matter_id: summary.id, content: { ...current, fee_basis: "草稿中" } });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  const refused = await importCsv(office, base + line(code, 2));
  assertError(refused, 400, "invalid_parameter");
  assert.match(refused.body.error.fields.map((f) => f.message).join(" / "), /未发布的版本/);
  assert.equal((await get(`/api/matters/${summary.id}`)).body.committed_days, 3);
  // Its draft is re-based on what is published now, and publishes.
  const submitted = await post(head, `/api/admin/matter-versions/${draft.body.version.id}/action`, { step: "submit", note: "", rev: draft.body.version.rev });
  assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
  const published = await post(office, `/api/admin/matter-versions/${draft.body.version.id}/action`, { step: "publish", note: "", rev: submitted.body.version.rev });
  assert.equal(published.status, 200, JSON.stringify(published.body));
  assert.equal(published.body.version.number, 3);
});

test("a file with broken lines is refused whole, each line's problem named", async () => {
  const office = (await cookieOf("office_admin"));
  const base = (await exportCsv(office)).text;
  const code = `BAD-${Date.now()}`;
  const broken = line(`${code}-1`, 30) // committed beyond statutory
    + line(`${code}-2`).replace("县市场监督管理局", "不存在的局");
  const res = await importCsv(office, base + line(`${code}-0`) + broken);
  assertError(res, 400, "invalid_parameter");
  const messages = res.body.error.fields.map((f) => f.message);
  assert.ok(messages.some((m) => /承诺时限/.test(m)), messages.join(" / "));
  assert.ok(messages.some((m) => /不存在的局/.test(m)), messages.join(" / "));
  assert.ok(res.body.error.fields.every((f) => /^第\d+行$/.test(f.field)));
  // The good line was not imported either.
  assert.equal((await get(`/api/matters?q=${code}-0`)).body.matters.length, 0);
  assertError(await importCsv(office, "编码,名称\r\n"), 400, "invalid_parameter");
  assertError(await importCsv((await login("scjg_head")).cookie, base), 403, "forbidden");
});
