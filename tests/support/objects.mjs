// Real objects in the states tests need, made over HTTP by the demo
// accounts: cases of 县市场监督管理局 (department 1) from submitted to a
// negative review under rectification, hotline tickets dispatched to
// 县住房和城乡建设局 (unit 4) at each step, matter versions, accounts, and
// the bodies that create units, groups, intermediaries, categories,
// knowledge items, meetings and document requests under unique names.
// Used by tests/api/authz_matrix.test.mjs; each factory signs nobody in:
// call signIn for the accounts it names first.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { BASE_URL } from "./http.mjs";
import { DEMO_PASSWORD, JPEG, PDF, clientIp, cookieOf, foodForm, login, matterByName, requiredFiles, submit } from "./cases.mjs";
import { HAS_SECOND_FACTOR } from "./totp.mjs";
import { matterContent } from "./admin.mjs";
import { CATEGORY, UNIT, callerForm } from "./hotline.mjs";
import { complaintForm } from "./complaints.mjs";

let serial = 0;
/** Digits no other record of this run or an earlier one has. */
export const unique = () => `${Date.now() % 1e9}${process.pid % 100}${++serial}`;

/** One request; every one from its own pseudo address, so per-address limits never mix. */
export async function call(cookie, method, path, { json, form, headers = {} } = {}) {
  const h = { "CF-Connecting-IP": clientIp(), ...headers };
  if (cookie) h.Cookie = cookie;
  let body;
  if (json !== undefined) {
    h["Content-Type"] = "application/json";
    body = JSON.stringify(json);
  } else if (form) {
    body = form;
  }
  const res = await fetch(BASE_URL + path, { method, headers: h, body, redirect: "manual" });
  const text = await res.text();
  let parsed = text;
  if ((res.headers.get("content-type") ?? "").includes("json")) {
    try {
      parsed = JSON.parse(text);
    } catch {
      // left as text
    }
  }
  return { status: res.status, body: parsed };
}

/** The body of a set-up request that must answer `status`. */
export async function need(pending, status, what) {
  const res = await pending;
  assert.equal(res.status, status, `set-up: ${what}: ${JSON.stringify(res.body).slice(0, 400)}`);
  return res.body;
}

/** Sessions by user name (signIn keeps them), and what was made here, for clean-up. */
export const sessions = {};
export const as = (username) => sessions[username];
export const made = { accounts: [], keys: [], documents: [] };

/** The food licence (食品经营许可（新办）) of 县市场监督管理局, once read. */
let matter;
export async function foodMatter() {
  matter ??= await matterByName("食品经营许可（新办）");
  return matter;
}

/** Signs in (a failure fails the test); keeps the session under the user name unless told not to. */
export async function signIn(username, password = DEMO_PASSWORD, { keep = true } = {}) {
  // A kept session of an account with a second factor may be the stack's
  // live one (`cookieOf`): its codes sign in once each.
  if (keep && password === DEMO_PASSWORD && HAS_SECOND_FACTOR.has(username)) return (sessions[username] = await cookieOf(username));
  const res = await login(username, password);
  assert.equal(res.status, 200, `sign-in ${username}: ${JSON.stringify(res.body)}`);
  if (keep) sessions[username] = res.cookie;
  return res.cookie;
}

/** A food-licence application of department 1, as its window sees it. */
export async function newCase() {
  const matter = await foodMatter();
  const res = await submit(foodForm(matter), requiredFiles(matter));
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const view = await need(call(as("scjg_window"), "GET", `/api/staff/cases/${res.body.case_no}`), 200, "case view");
  return { ...res.body, version: view.version, view };
}

/** A new case its window disposed of in one of the six classes. */
export async function disposedCase(disposition) {
  const c = await newCase();
  const path = `/api/staff/cases/${c.case_no}/disposition`;
  const view = await need(call(as("scjg_window"), "POST", path, { json: { version: c.version, note: "", ...disposition } }), 200, "dispose");
  return { ...c, version: view.version, view };
}

export const acceptedCase = () => disposedCase({ class: "commitment" });
export const supplementCase = () => disposedCase({ class: "supplement", items: ["营业执照复印件未加盖公章"] });
export async function completedCase() {
  const c = await disposedCase({ class: "immediate" });
  assert.equal(c.view.state, "completed");
  return c;
}

/** A completed case with a negative rating awaiting the office's verification. */
export async function negativeReview() {
  const c = await completedCase();
  const json = { code: c.query_code, level: "very_dissatisfied", comment: "材料被要求反复提交" };
  await need(call("", "POST", `/api/track/${c.case_no}/evaluation`, { json }), 200, "negative rating");
  const view = await need(call(as("office_admin"), "GET", `/api/staff/cases/${c.case_no}`), 200, "case view");
  return { ...c, version: view.version };
}

/** A negative review the office upheld: the department is to rectify. */
export async function rectifying() {
  const c = await negativeReview();
  const json = { version: c.version, verdict: "upheld", days: 5, instructions: "开展一次性告知制度培训" };
  const view = await need(call(as("office_admin"), "POST", `/api/staff/cases/${c.case_no}/verification`, { json }), 200, "uphold");
  return { ...c, version: view.version };
}

/** An accepted case whose window asked for an extension. */
export async function extensionAsked() {
  const c = await acceptedCase();
  const json = { version: c.version, action: "request_extension", days: 5, reason: "需组织专家现场论证" };
  const view = await need(call(as("scjg_window"), "POST", `/api/staff/cases/${c.case_no}/action`, { json }), 200, "ask extension");
  return { ...c, version: view.version };
}

/** A caller's web message, as the office sees it. */
export async function receivedTicket() {
  const headers = { "Idempotency-Key": randomUUID() };
  const receipt = await need(call("", "POST", "/api/hotline/tickets", { json: callerForm(), headers }), 201, "ticket");
  const view = await need(call(as("office_admin"), "GET", `/api/hotline/tickets/${receipt.ticket_no}`), 200, "ticket view");
  return { ...receipt, version: view.version };
}

/** The version after a ticket action or disposition by `username`. */
export async function ticketStep(t, username, action, endpoint = "action") {
  const path = `/api/hotline/tickets/${t.ticket_no}/${endpoint}`;
  const view = await need(call(as(username), "POST", path, { json: { version: t.version, ...action } }), 200, `${username} ${JSON.stringify(action)}`);
  return { ...t, version: view.version };
}

export const DISPATCH_TO_4 = {
  disposition: "dispatch", category_id: CATEGORY.water, urgency: "normal", lead_unit_id: UNIT.housing, assist_unit_ids: [], instruction: "请核实处理",
};
export const REPLY = { action: "reply", text: "已协调恢复供水", policy: "《城市供水条例》第二十二条", signed_off_by: "李副局长" };

export const dispatchedTicket = async () => ticketStep(await receivedTicket(), "office_admin", DISPATCH_TO_4, "disposition");
export const signedTicket = async () => ticketStep(await dispatchedTicket(), "zj_window", { action: "sign" });
export const repliedTicket = async () => ticketStep(await signedTicket(), "zj_head", REPLY);
export async function closedTicket() {
  const t = await ticketStep(await repliedTicket(), "office_admin", { action: "review_reply", accept: true, reason: "" });
  return ticketStep(t, "office_admin", { action: "callback", result: "satisfied", note: "" });
}

/** An account made by the office (listed in `made.accounts`, for the caller to deactivate). */
export async function newAccount(role = "window_staff", department_id = 1) {
  const username = `authz_${unique()}`;
  const json = { username, name: "权限矩阵测试", role, department_id };
  const res = await need(call(as("office_admin"), "POST", "/api/admin/accounts", { json }), 201, "account");
  made.accounts.push(username);
  return { ...res.account, password: res.password };
}

/** A draft of a new matter of department 1, by its head. */
export async function draftVersion() {
  const json = { matter_id: null, content: matterContent(`AZ${unique()}`) };
  return (await need(call(as("scjg_head"), "POST", "/api/admin/matter-versions", { json }), 201, "draft")).version;
}

/** A draft its head submitted for the office's review. */
export async function submittedVersion() {
  const v = await draftVersion();
  const json = { step: "submit", note: "", rev: v.rev };
  return (await need(call(as("scjg_head"), "POST", `/api/admin/matter-versions/${v.id}/action`, { json }), 200, "submit draft")).version;
}

// Bodies that create a record of their own: unique names, inactive where the
// form allows, so no list other tests read changes its meaning.
export const unitBody = () => ({
  name: `权限矩阵测试单位${unique()}`, kind: "other", window: "", window_location: "", window_staff: 0, phone: "0000-6019999", sort: 900,
  active: true, version: 0,
});
export const groupBody = () => ({ name: `权限矩阵测试分组${unique()}`, members: [1, 2], version: 0 });
export const intermediaryBody = () => ({ name: `权限矩阵测试中介${unique()}`, service: "测试咨询服务", staff: 3, active: false, version: 0 });
export const categoryBody = () => ({
  code: `az${unique()}`, name: "权限矩阵测试类别", group: "测试", county_matter: true, lead_unit_id: UNIT.housing, assist_unit_ids: [],
  limits: { normal: { working_days: 3 }, urgent: { working_days: 1 }, critical: { hours: 2 } }, active: false, version: 0,
});
export const knowledgeBody = () => ({ category_id: null, title: `权限矩阵测试口径${unique()}`, answer: "测试答复", policy_refs: "", active: false, version: 0 });
export const documentBody = () => {
  const subject = `权限矩阵测试发文${unique()}`;
  made.documents.push(subject);
  return {
    subject, proposed_level: "county_office", drafting_departments: [1], within_one_department: false, needs_government_authority: true,
    nature: "correspondence", length_chars: 900,
  };
};
export const meetingBody = () => ({
  title: `权限矩阵测试会议${unique()}`, organiser_department_id: 1, date: "2098-03-02", duration_minutes: 90, participants: "各部门负责人",
  class: "class2", approved_by: "county_head", approval_date: "2098-03-01", approval_ref: "测试〔2098〕1号", plan_item_id: null,
});

/** A record `username` creates with a POST that must answer 201. */
export async function create(username, path, json, what) {
  return need(call(as(username), "POST", path, { json }), 201, what);
}

/** A supervision item with one task led by unit 4 (住建局) and its 交办单, as the office made them. */
export async function supervisionTask() {
  const office = as("office_admin");
  const form = { source: "leader_instruction", reference: `权限矩阵测试批示${unique()}`, title: "权限矩阵测试事项", instruction: "请住建局办理。", priority: "normal", leader: "张县长" };
  const { item_no } = await create("office_admin", "/api/supervision/items", form, "supervision item");
  const item = await need(call(office, "GET", `/api/supervision/items/${item_no}`), 200, "supervision item view");
  const task = { version: item.version, requirement: "权限矩阵测试任务", lead_unit_id: UNIT.housing, assist_unit_ids: [], responsible: "吴海峰", supervisor: "周明", milestones: [] };
  const view = await need(call(office, "POST", `/api/supervision/items/${item_no}/tasks`, { json: task }), 201, "supervision task");
  const t = view.tasks[0];
  return { item_no, item_version: view.version, task_no: t.task_no, version: t.version, slip_id: t.slips[0].id };
}

/** A supervision task whose lead unit reported its result (for the office's check). */
export async function reportedSupervisionTask() {
  const t = await supervisionTask();
  const path = `/api/supervision/tasks/${t.task_no}/action`;
  const view = await need(call(as("zj_window"), "POST", path, { json: { version: t.version, action: "report", text: "已办结" } }), 200, "report");
  return { ...t, version: view.tasks[0].version };
}

/** A file the office attached to a supervision item. */
export async function supervisionFile() {
  const t = await supervisionTask();
  const body = new FormData();
  body.append("file", new Blob([JPEG]), "photo.jpg");
  const view = await need(call(as("office_admin"), "POST", `/api/supervision/items/${t.item_no}/files`, { form: body }), 201, "supervision file");
  return view.files[0];
}

/** A named complaint as the office sees it on arrival (efficiency complaints). */
export async function receivedComplaint() {
  const headers = { "Idempotency-Key": randomUUID() };
  const receipt = await need(call("", "POST", "/api/complaints", { json: complaintForm(), headers }), 201, "complaint");
  const view = await need(call(as("office_admin"), "GET", `/api/complaints/${receipt.complaint_no}`), 200, "complaint view");
  return { ...receipt, version: view.version };
}

/** A complaint the office accepted and assigned to unit 4 (交办). */
export async function assignedComplaint() {
  const c = await receivedComplaint();
  const json = { version: c.version, action: "accept", mode: "assigned", unit_id: UNIT.housing, instruction: "请调查核实" };
  const view = await need(call(as("office_admin"), "POST", `/api/complaints/${c.complaint_no}/action`, { json }), 200, "accept complaint");
  return { ...c, version: view.version };
}

/** The multipart body of an evidence upload at the complaint's version. */
export function evidenceForm(c) {
  const body = new FormData();
  body.append("version", String(c.version));
  body.append("material:1", new Blob([JPEG], { type: "image/jpeg" }), "evidence.jpg");
  return body;
}

/** An evidence file the unit uploaded to an assigned complaint. */
export async function complaintEvidence() {
  const c = await assignedComplaint();
  const view = await need(call(as("zj_window"), "POST", `/api/complaints/${c.complaint_no}/evidence`, { form: evidenceForm(c) }), 200, "evidence");
  return { complaint_no: c.complaint_no, id: view.evidence[0].id };
}

// ---- document transmission: documents sent to unit 4 (住建局) ----------------

/** An outgoing document's registration from issued request `request_id`, to unit 4. */
export const docForm = (request_id) => ({
  request_id, urgency: "urgent", signer: "权限矩阵测试签发人", main_units: [4], main_groups: [], copy_units: [], copy_groups: [], not_classified: true,
});

/** A document request the office issued with its number. */
export async function issuedDocRequest() {
  const request = await create("scjg_window", "/api/office/documents", documentBody(), "document request");
  const json = { version: request.version, decision: "approve" };
  return need(call(as("office_admin"), "POST", `/api/office/documents/${request.id}/review`, { json }), 200, "document review");
}

/** The multipart body of a document's PDF body. */
export function docFileForm() {
  const body = new FormData();
  body.append("kind", "body");
  body.append("file", new Blob([PDF], { type: "application/pdf" }), "正文.pdf");
  return body;
}

/** A registered document with its body, not yet sent. */
export async function draftDocument() {
  const request = await issuedDocRequest();
  const d = await create("office_admin", "/api/documents", docForm(request.id), "outgoing document");
  const view = await need(call(as("office_admin"), "POST", `/api/documents/${d.doc_key}/files`, { form: docFileForm() }), 201, "document body");
  return { doc_key: d.doc_key, version: view.version };
}

/** A document sent to unit 4, its copy delivered. */
export async function sentDocument() {
  const d = await draftDocument();
  const json = { version: d.version, action: "send" };
  const view = await need(call(as("office_admin"), "POST", `/api/documents/${d.doc_key}/action`, { json }), 200, "send document");
  return { doc_key: d.doc_key, version: view.version, copy_version: view.recipients[0].version, file_id: view.files[0].id };
}
// -- information: items of unit 4 (住建局) by its window, an issue of the far year 2097.
export const infoBody = () => ({
  title: `权限矩阵测试信息${unique()}`, body: "测试正文", category: "news", writer: "吴海峰", writer_phone: "0571-88880000", signed_off_by: "李局长", shares: [],
});
export const infoItem = () => create("zj_window", "/api/information/items", infoBody(), "information item");
export async function returnedInfoItem() {
  const i = await infoItem();
  const json = { version: i.version, action: "return", reason: "请补充数据" };
  return need(call(as("office_admin"), "POST", `/api/information/items/${i.item_no}/action`, { json }), 200, "returned information item");
}
export const infoIssue = () =>
  create("office_admin", "/api/information/issues", { kind: "bulletin", title: `权限矩阵测试期${unique()}`, published_on: "2097-01-06" }, "information issue");
/** A research report of office_admin's, in a quarter of 2024 not used before (one per writer and quarter). */
let researchQuarter = 0;
export const infoResearch = () =>
  create("office_admin", "/api/information/research", { title: `权限矩阵测试调研${unique()}`, year: 2024, quarter: ++researchQuarter }, "research report");
