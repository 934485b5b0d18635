// The office's report from live data: each figure equals the records the
// test makes (read before and after, so the demo county's own records do
// not matter), every figure names the page of its records, and only the
// office may read it.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import {
  acceptedCase, as, call, completedCase, create, documentBody, need, receivedComplaint, receivedTicket, sentDocument, signIn, supervisionTask, unique,
} from "../support/objects.mjs";

const TODAY = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
const YEAR = TODAY.slice(0, 4);

before(async () => {
  for (const u of ["office_admin", "scjg_window", "zj_window"]) await signIn(u);
});

const report = async (query = `from=${YEAR}-01-01&to=${TODAY}`) => need(call(as("office_admin"), "GET", `/api/office/report?${query}`), 200, "report");

/** The paragraph's figure right after `words` in the section of `work`. */
function figure(r, work, words, { optional = false } = {}) {
  const section = r.sections.find((s) => s.work === work);
  for (const p of section.paragraphs) {
    for (let i = 1; i < p.length; i++) {
      if (p[i].records && p[i - 1].text.endsWith(words)) return p[i];
    }
  }
  if (optional) return { text: "0" };
  assert.fail(`no figure after “${words}” in ${work}: ${JSON.stringify(section)}`);
}
const count = (r, work, words, options) => Number(figure(r, work, words, options).text);

test("every figure equals the records made, and names the page that lists them", async () => {
  const before = await report();
  await completedCase();
  await completedCase();
  await acceptedCase();
  await receivedTicket();
  await supervisionTask();
  await receivedComplaint();
  const meeting = {
    title: "报告测试会议", organiser_department_id: 0, date: TODAY, duration_minutes: 60, participants: "各部门负责人",
    class: "class2", approved_by: "county_head", approval_date: TODAY, approval_ref: "报告测试〔2026〕1号", plan_item_id: null,
  };
  await create("office_admin", "/api/office/meetings", meeting, "meeting");
  await sentDocument();
  await create("office_admin", "/api/information/issues", { kind: "bulletin", title: `报告测试期${unique()}`, published_on: TODAY }, "issue");
  const doc = await create("scjg_window", "/api/office/documents", documentBody(), "document request");
  await need(call(as("office_admin"), "POST", `/api/office/documents/${doc.id}/review`, { json: { version: doc.version, decision: "approve" } }), 200, "approve");
  const after = await report();

  // A class of handling with no cases in the period is not mentioned: it counts 0.
  const delta = (work, words) => count(after, work, words) - count(before, work, words, { optional: words.endsWith("件") });
  assert.equal(delta("approvals", "共受理办件"), 3, "three cases disposed of");
  assert.equal(delta("approvals", "办结"), 2, "two immediate cases completed");
  assert.equal(delta("approvals", "即办件"), 2);
  assert.equal(delta("approvals", "承诺件"), 1);
  assert.equal(delta("hotline", "共受理群众诉求"), 1);
  assert.equal(delta("supervision", "立项督查事项"), 1);
  assert.equal(delta("supervision", "分解交办任务"), 1);
  assert.equal(delta("supervision", "共受理效能投诉和咨询"), 1);
  assert.equal(delta("streamline", "全县以县政府名义召开的会议"), 1);
  assert.equal(delta("streamline", "以县政府和县府办名义下发的文件"), 2, "the document sent was issued from a request too");
  assert.equal(delta("e_government", "通过电子公文传输系统发文"), 1);
  assert.equal(delta("information", "编发《政务信息》"), 1);

  // Each figure says where its records are.
  assert.equal(figure(after, "approvals", "共受理办件").records, "centre_statistics");
  assert.equal(figure(after, "hotline", "共受理群众诉求").records, "hotline_tickets");
  assert.equal(figure(after, "streamline", "全县以县政府名义召开的会议").records, "meetings");
  assert.equal(figure(after, "supervision", "立项督查事项").records, "supervision_items");
  assert.equal(figure(after, "supervision", "共受理效能投诉和咨询").records, "complaints");
  assert.equal(figure(after, "e_government", "通过电子公文传输系统发文").records, "transmit_documents");
  assert.equal(figure(after, "information", "编发《政务信息》").records, "info_issues");
  // The member units are the active townships and departments.
  const units = (await need(call(as("office_admin"), "GET", "/api/admin/units"), 200, "units")).units;
  const active = (kind) => units.filter((u) => u.active && u.kind === kind).length;
  assert.equal(count(after, "hotline", "我县"), active("township"));
});

test("the six lines of work in the report's order; the streamline months follow the period", async () => {
  const r = await report(`from=${YEAR}-03-05&to=${YEAR}-04-20`);
  assert.deepEqual(r.sections.map((s) => s.work), ["approvals", "hotline", "e_government", "streamline", "supervision", "information"]);
  assert.deepEqual(r.streamline_period, { year: Number(YEAR), from_month: 3, to_month: 4 });
  assert.match(r.sections[3].paragraphs[0][0].text, new RegExp(`^${YEAR}年3—4月份，`));
  for (const s of r.sections) {
    assert.ok(s.heading.length > 0 && Array.isArray(s.not_recorded));
    assert.ok(s.paragraphs.length > 0, `${s.work} has its paragraphs`);
  }
});

test("only the office reads the report, and a bad period is refused with a clear message", async () => {
  assert.equal((await call("", "GET", "/api/office/report")).status, 401);
  const refused = await call(as("scjg_window"), "GET", "/api/office/report");
  assert.equal(refused.status, 403);
  assert.equal(refused.body.error.code, "forbidden");
  const bad = await call(as("office_admin"), "GET", `/api/office/report?from=${YEAR}-05-01&to=${YEAR}-04-01`);
  assert.equal(bad.status, 400);
  assert.match(bad.body.error.message, /起始日期不能晚于截止日期/);
  const date = await call(as("office_admin"), "GET", "/api/office/report?from=2026-02-30");
  assert.equal(date.body.error.code, "invalid_date");
});
