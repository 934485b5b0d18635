// Information (DOMAIN.md §7) against the real Worker: a unit submits, the
// editors adopt into numbered issues, return, decline, un-adopt, forward
// and record higher adoptions and leaders' instructions; scores are
// recomputed from events (joint items split); the refusals (another unit,
// wrong state, stale page, rules that do not add up); quotas, figures, CSV.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertError, rowsRead } from "../support/http.mjs";
import { sqlLocal, staffGet } from "../support/cases.mjs";
import { post } from "../support/admin.mjs";
import { cookieOf } from "../support/hotline.mjs";
import { act, adopted, infoForm, issue, item, pointsOf, submitted, UNIT } from "../support/information.mjs";

test("a unit submits, the office adopts into a numbered issue and the unit scores; un-adopting takes it back", async () => {
  const { cookie, view } = await submitted("cgz_head");
  assert.match(view.item_no, /^XX\d{4}-\d{4}$/);
  assert.equal(view.state, "submitted");
  assert.ok(view.signed_off_by.length > 0, "a head submitting signs it off themselves");
  assert.deepEqual(view.actions, [], "nothing for the unit while it waits");
  const before = await pointsOf(UNIT.chengguan);
  const one = await issue("bulletin");
  const two = await issue("bulletin");
  assert.match(one.number, /^《政务信息》\d{4}年第\d+期$/);
  assert.equal(Number(two.number.match(/第(\d+)期/)[1]), Number(one.number.match(/第(\d+)期/)[1]) + 1, "numbered per kind and year");
  const after = await adopted(view, one.id);
  assert.equal(after.state, "adopted");
  assert.equal(after.issue_no, one.number);
  assert.equal(after.shares[0].points, 500, "《政务信息》: 5 points");
  assert.equal(await pointsOf(UNIT.chengguan), before + 500);
  assert.deepEqual((await item(cookie, view.item_no)).body.actions, []);

  const office = await cookieOf("office_admin");
  const instructed = await act(office, view.item_no, after.version, { action: "instruction", leader: "张县长", text: "经验做法很好，请在全县推广。" });
  assert.equal(instructed.status, 200, JSON.stringify(instructed.body));
  assert.equal(await pointsOf(UNIT.chengguan), before + 500 + 2000, "a leader's instruction adds its bonus");
  const city = await act(office, view.item_no, instructed.body.version, { action: "higher_adoption", level: "city" });
  assert.equal(city.status, 200);
  assert.deepEqual(city.body.adopted_by, ["city"]);
  assert.equal(await pointsOf(UNIT.chengguan), before + 500 + 2000 + 3000);
  assertError(await act(office, view.item_no, city.body.version, { action: "higher_adoption", level: "city" }), 409, "conflict");

  const undone = await act(office, view.item_no, city.body.version, { action: "unadopt", reason: "与第5期重复" });
  assert.equal(undone.status, 200, JSON.stringify(undone.body));
  assert.equal(undone.body.state, "submitted");
  assert.equal(undone.body.shares[0].points, 0);
  assert.equal(await pointsOf(UNIT.chengguan), before, "un-adopting takes every point back");

  const print = await staffGet(office, `/api/information/issues/${one.id}`);
  assert.equal(print.status, 200);
  assert.equal(print.body.articles.length, 0, "the item left the issue");
});

test("a joint item's points split by shares; a split that does not add up is refused", async () => {
  const shares = [{ unit_id: UNIT.hekou, percent: 60 }, { unit_id: UNIT.chengguan, percent: 40 }];
  const bad = await post(await cookieOf("hkz_head"), "/api/information/items", infoForm({ shares: [{ unit_id: UNIT.hekou, percent: 60 }, { unit_id: UNIT.chengguan, percent: 30 }] }));
  assertError(bad, 400, "invalid_parameter");
  assert.equal(bad.body.error.fields[0].field, "shares");
  const [hekou0, chengguan0] = [await pointsOf(UNIT.hekou), await pointsOf(UNIT.chengguan)];
  const { view } = await submitted("hkz_head", { shares });
  const special = await issue("special", "专报");
  const after = await adopted(view, special.id);
  const got = Object.fromEntries(after.shares.map((s) => [s.unit_id, s.points]));
  assert.deepEqual(got, { [UNIT.hekou]: 600, [UNIT.chengguan]: 400 }, "专报 10 points, 60/40");
  assert.equal(await pointsOf(UNIT.hekou), hekou0 + 600);
  assert.equal(await pointsOf(UNIT.chengguan), chengguan0 + 400);
  // The partner sees it but does not act; an outsider does not see it.
  const partner = await item(await cookieOf("cgz_staff"), view.item_no);
  assert.equal(partner.status, 200);
  assert.deepEqual(partner.body.actions, []);
  assertError(await item(await cookieOf("zj_head"), view.item_no), 404, "not_found");
});

test("return for revision, resubmission, decline; wrong state, wrong side and stale writes are refused", async () => {
  const { cookie, view } = await submitted("cgz_staff", { signed_off_by: "李镇长" });
  const office = await cookieOf("office_admin");
  assertError(await act(cookie, view.item_no, view.version, { action: "adopt", issue_id: 1 }), 403, "forbidden");
  assertError(await act(office, view.item_no, view.version, { action: "unadopt", reason: "x" }), 409, "conflict");
  const returned = await act(office, view.item_no, view.version, { action: "return", reason: "请补充具体数据" });
  assert.equal(returned.body.state, "returned");
  assertError(await act(office, view.item_no, view.version, { action: "decline", reason: "x" }), 409, "conflict");
  const mine = (await item(cookie, view.item_no)).body;
  assert.deepEqual(mine.actions, ["resubmit"]);
  assert.equal(mine.reason, "请补充具体数据");
  const again = await act(cookie, view.item_no, mine.version, { action: "resubmit", title: mine.title, body: `${mine.body}全年化解矛盾纠纷312件。` });
  assert.equal(again.status, 200, JSON.stringify(again.body));
  assert.equal(again.body.state, "submitted");
  const declined = await act(office, view.item_no, again.body.version, { action: "decline", reason: "内容已在上期刊发" });
  assert.equal(declined.body.state, "declined");
  assert.deepEqual(declined.body.actions, []);
  assertError(await staffGet(await cookieOf("hkz_head"), `/api/information/items/${view.item_no}`), 404, "not_found");
  // The office does not submit; a unit does not edit issues or rules.
  assertError(await post(office, "/api/information/items", infoForm()), 403, "forbidden");
  assertError(await post(cookie, "/api/information/issues", { kind: "bulletin", title: "x", published_on: "2026-01-05" }), 403, "forbidden");
  const missing = await post(cookie, "/api/information/items", infoForm({ writer_phone: "", signed_off_by: "" }));
  assertError(missing, 400, "invalid_parameter");
  assert.deepEqual(missing.body.error.fields.map((f) => f.field), ["writer_phone", "signed_off_by"]);
});

test("the rules table: a table that does not add up is refused with its field; the league shows the formula and the quota shortfall", async () => {
  const office = await cookieOf("office_admin");
  const rules = (await staffGet(office, "/api/information/rules")).body;
  assert.equal(rules.state_council, 80);
  const bad = await post(office, "/api/information/rules", { ...rules, province: 10 });
  assertError(bad, 400, "invalid_parameter");
  assert.equal(bad.body.error.fields[0].field, "province");
  const saved = await post(office, "/api/information/rules", { ...rules, township_quota: 8 });
  assert.equal(saved.status, 200);
  const league = await staffGet(await cookieOf("zj_window"), "/api/information/league");
  assert.equal(league.status, 200);
  assert.match(league.body.formula, /领导批示每条20分/);
  const short = league.body.shortfall.find((s) => s.unit_id === UNIT.hekou);
  assert.ok(short && short.quota === 8 && short.submitted < 8, JSON.stringify(league.body.shortfall));
  assert.ok(rowsRead(league) < 120, `league read ${rowsRead(league)} rows`);
  const csv = await fetchText(office, "/api/information/league.csv");
  assert.match(csv, /名次,单位,得分/);
  const items = await fetchText(office, "/api/information/items.csv");
  assert.match(items, /编号,报送单位,标题/);
});

test("the figures give the report's sentence from counters", async () => {
  const office = await cookieOf("office_admin");
  const { view } = await submitted("cgz_head");
  const b = await issue("bulletin");
  await adopted(view, b.id);
  const res = await staffGet(office, "/api/information/figures");
  assert.equal(res.status, 200);
  assert.ok(res.body.county.adopted >= 1 && res.body.county.bulletins >= 1);
  assert.match(res.body.summary, /编发《政务信息》\d+期、专报\d+期、增刊\d+期，刊用信息近\d+条，被上级机关采用\d+条次；形成调研报告\d+篇/);
  assertError(await staffGet(await cookieOf("cgz_head"), "/api/information/figures"), 403, "forbidden");
});

test("commissions: an answer is recorded, the others miss after the deadline, and two misses flag the year", async () => {
  const office = await cookieOf("office_admin");
  const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
  const send = (topic) => post(office, "/api/information/commissions", { topic, deadline: today, unit_ids: [UNIT.chengguan, UNIT.hekou] });
  assertError(await post(office, "/api/information/commissions", { topic: "过期约稿", deadline: "2020-01-01", unit_ids: [UNIT.hekou] }), 400, "invalid_parameter");
  const first = await send(`乡村振兴典型经验 ${Date.now()}`);
  assert.equal(first.status, 201, JSON.stringify(first.body));
  const second = await send(`安全生产隐患排查 ${Date.now()}`);
  const { view } = await submitted("cgz_head", { commission_id: first.body.id });
  assertError(await post(await cookieOf("zj_head"), "/api/information/items", infoForm({ commission_id: first.body.id })), 400, "invalid_parameter");
  sqlLocal(`UPDATE info_commission SET deadline = '2026-01-02' WHERE id IN (${first.body.id}, ${second.body.id});`);
  const list = await staffGet(office, "/api/information/commissions");
  const mine = list.body.commissions.find((c) => c.id === first.body.id);
  const part = (c, unit) => c.units.find((u) => u.unit_id === unit);
  assert.equal(part(mine, UNIT.chengguan).answered_by, view.item_no);
  assert.equal(part(mine, UNIT.hekou).missed, true);
  const hekou = list.body.misses.find((m) => m.unit_id === UNIT.hekou);
  assert.ok(hekou.misses >= 2 && hekou.may_zero, JSON.stringify(list.body.misses));
  const unitView = await staffGet(await cookieOf("hkz_head"), "/api/information/commissions");
  assert.ok(unitView.body.commissions.every((c) => c.units.every((u) => u.unit_id === UNIT.hekou)), "a unit sees its own part only");
  assertError(await post(await cookieOf("hkz_head"), "/api/information/commissions", { topic: "x", deadline: today, unit_ids: [UNIT.hekou] }), 403, "forbidden");
});

test("emergency information: a late first report is flagged, follow-ups and the final report join its event", async () => {
  const chinaTime = (hoursAgo) => `${new Date(Date.now() + (8 - hoursAgo) * 3600e3).toISOString().slice(0, 19)}+08:00`;
  const urgent = (emergency) => infoForm({ category: "urgent", title: `河道决堤险情 ${Date.now() % 100000}`, emergency });
  const cgz = await cookieOf("cgz_head");
  assertError(await post(cgz, "/api/information/items", urgent(undefined)), 400, "invalid_parameter");
  const first = await post(cgz, "/api/information/items", urgent({ event_at: chinaTime(3), grade: "major", report: "first" }));
  assert.equal(first.status, 201, JSON.stringify(first.body));
  const no = first.body.item_no;
  const onTime = await post(cgz, "/api/information/items", urgent({ event_at: chinaTime(1), grade: "major", report: "first" }));
  assert.equal(onTime.status, 201);
  const hekou = await cookieOf("hkz_head");
  assertError(await post(hekou, "/api/information/items", urgent({ event_at: chinaTime(2), grade: "major", report: "follow_up", first_no: no })), 400, "invalid_parameter");
  for (const report of ["follow_up", "final"]) {
    const res = await post(cgz, "/api/information/items", urgent({ event_at: chinaTime(3), grade: "major", report, first_no: no }));
    assert.equal(res.status, 201, JSON.stringify(res.body));
  }
  const list = (await staffGet(await cookieOf("office_admin"), "/api/information/emergencies")).body;
  const event = list.events.find((e) => e.first_no === no);
  assert.equal(event.late, true, "3 hours after a 较大 event: past the 2-hour first report");
  assert.equal(event.finished, true);
  assert.deepEqual(event.reports.map((r) => r.report), ["first", "follow_up", "final"]);
  assert.equal(list.events.find((e) => e.first_no === onTime.body.item_no).late, false);
  const theirs = (await staffGet(hekou, "/api/information/emergencies")).body;
  assert.ok(!theirs.events.some((e) => e.first_no === no), "another unit does not see it");
});

test("research: one report per writer and quarter, the missing ones listed, decisions and 《工作研究》 counted in the sentence", async () => {
  const office = await cookieOf("office_admin");
  const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
  // A past year's quarter this run has not used (one report per writer and quarter, and the stack may be reused).
  const [year, quarter] = [2001 + (Math.floor(Date.now() / 4) % 20), 1 + (Date.now() % 4)];
  const before = (await staffGet(office, "/api/information/figures")).body.county;
  const listed = (await staffGet(office, "/api/information/research")).body;
  assert.ok(listed.missing.some((m) => m.quarter === 1), JSON.stringify(listed.missing));
  const mine = await post(office, "/api/information/research", { title: "关于县域营商环境的调研报告", year, quarter });
  assert.equal(mine.status, 201, JSON.stringify(mine.body));
  assertError(await post(office, "/api/information/research", { title: "第二篇", year, quarter }), 409, "conflict");
  assertError(await post(office, "/api/information/research", { title: "未来", year: Number(today.slice(0, 4)) + 1, quarter: 1 }), 400, "invalid_parameter");
  const decided = await post(office, `/api/information/research/${mine.body.id}/decision`, { leader: "张县长", instruction: "调研扎实，请发改局研究落实。" });
  assert.equal(decided.status, 200);
  assert.equal(decided.body.leader, "张县长");
  assertError(await post(office, `/api/information/research/${mine.body.id}/decision`, { leader: "李副县长", instruction: "同意" }), 409, "conflict");
  const study = await post(office, "/api/information/studies", { title: "营商环境专辑", published_on: today, articles: ["文章一", "文章二"] });
  assert.equal(study.status, 201, JSON.stringify(study.body));
  assert.match(study.body.number, /^《工作研究》\d{4}年第\d+期$/);
  const after = (await staffGet(office, "/api/information/figures")).body;
  // At least: other test files may count at the same time.
  const delta = ["research", "decisions", "studies", "articles"].map((c) => after.county[c] - before[c]);
  assert.ok(delta[0] >= 1 && delta[1] >= 1 && delta[2] >= 1 && delta[3] >= 2, JSON.stringify(delta));
  assert.match(after.summary, /形成调研报告\d+篇，进入领导决策\d+篇；编发《工作研究》\d+期，刊发文章\d+篇。/);
  const listedAfter = (await staffGet(office, `/api/information/research?year=${year}`)).body;
  assert.ok(!listedAfter.missing.some((m) => m.quarter === quarter && m.writer === mine.body.writer));
  assertError(await staffGet(await cookieOf("cgz_head"), "/api/information/research"), 403, "forbidden");
});

async function fetchText(cookie, path) {
  const res = await staffGet(cookie, path);
  assert.equal(res.status, 200);
  return res.body.toString("utf8");
}
