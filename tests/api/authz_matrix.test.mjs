// The authorization matrix: every operation of /api/openapi.json, called by
// five roles (anonymous; window staff of another department; window staff
// of the department that owns the object; that department's head; the
// office admin), with a real object of the owning department in its path
// and a valid body, so that only authorization can refuse it. Each cell
// names the status it must answer: the allowed ones their 2xx, the refused
// ones 401 (not signed in), 403 (not this role) or 404 (another
// department's object, answered like an unknown one).
//
// A new route cannot land without its row: the first test fails while the
// document lists an operation that ROWS below does not (or the other way).
//
// Reads run first; then each write row runs its refused cells on a shared
// object in the state the action needs (so a missing check would show as a
// 2xx, not as a 409), and each allowed cell on an object of its own when
// two allowed cells would otherwise step on each other. Records are made
// under unique names, far years (2097–2098) or inactive; accounts, API keys
// and document requests made here are deactivated, revoked or refused at
// the end, so later test files see the demo county as it was.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { DEMO_PASSWORD, JPEG, foodForm } from "../support/cases.mjs";
import { matterContent } from "../support/admin.mjs";
import { callerForm } from "../support/hotline.mjs";
import { failedNotice } from "../support/notify.mjs";
import { complaintForm } from "../support/complaints.mjs";
import {
  DISPATCH_TO_4, REPLY, acceptedCase, as, assignedComplaint, call, categoryBody, closedTicket, complaintEvidence, completedCase, create,
  dispatchedTicket, documentBody, draftVersion, evidenceForm, extensionAsked, foodMatter, groupBody, intermediaryBody, knowledgeBody, made,
  meetingBody, need, negativeReview, newAccount, newCase, receivedComplaint, receivedTicket, rectifying, repliedTicket, reportedSupervisionTask,
  signIn, signedTicket, submittedVersion, supervisionFile, supervisionTask, supplementCase, unique, unitBody,
  docFileForm, docForm, draftDocument, issuedDocRequest, sentDocument,
  infoBody, infoIssue, infoItem, infoResearch, returnedInfoItem,
} from "../support/objects.mjs";

const ROLES = ["anonymous", "other_window", "own_window", "head", "office"];

/** Who plays each role, by the department or unit that owns the row's object. */
const ACCOUNTS = {
  // 县市场监督管理局 (1); the other department's window: 县公安局 (2).
  dept1: { other_window: "ga_window", own_window: "scjg_window", head: "scjg_head", office: "office_admin" },
  // 县住房和城乡建设局 (4), a hotline member unit.
  unit4: { other_window: "ga_window", own_window: "zj_window", head: "zj_head", office: "office_admin" },
};

/** The error code each refusal status carries. */
const REFUSAL = { 401: "unauthenticated", 403: "forbidden", 404: "not_found" };

// Expected statuses, in ROLES order.
const PUBLIC = (s = 200) => [s, s, s, s, s];
const STAFF = (s = 200) => [401, s, s, s, s];
const OFFICE = (s = 200) => [401, 403, 403, 403, s];
/** A department's own object: hidden from others, handled by its staff and head, seen (not handled) by the office. */
const DEPT = (own, office) => [401, 404, own, own, office];

const TODAY = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);

// The objects the cells act on (tests/support/objects.mjs makes them).
const f = {};
let doc;
let matter;

before(async () => {
  doc = await need(call("", "GET", "/api/openapi.json"), 200, "openapi");
  for (const u of new Set(Object.values(ACCOUNTS).flatMap(Object.values))) await signIn(u);
  matter = await foodMatter();
  const colleagues = await need(call(as("scjg_head"), "GET", "/api/staff/colleagues"), 200, "colleagues");
  f.colleague = colleagues.find((c) => c.name === "陈静") ?? assert.fail(JSON.stringify(colleagues));

  // Approvals: one case per state a shared (refused-cell) object needs.
  f.submitted = await newCase();
  f.file = f.submitted.view.files[0] ?? assert.fail("no file");
  f.accepted = await acceptedCase();
  f.extension = await extensionAsked();
  f.negative = await negativeReview();
  f.rectifying = await rectifying();

  // Hotline: tickets dispatched to unit 4 in each state the actions need.
  f.tracked = await receivedTicket();
  f.received = await receivedTicket();
  f.dispatched = await dispatchedTicket();
  f.signed = await signedTicket();
  f.replied = await repliedTicket();

  // Efficiency complaints: one tracked, one awaiting acceptance, one assigned to unit 4, an evidence file.
  f.complaintTracked = await receivedComplaint();
  f.complaintReceived = await receivedComplaint();
  f.complaintAssigned = await assignedComplaint();
  f.complaintEvidence = await complaintEvidence();
  // A message the provider refused (the log provider's test number).
  f.failedNotice = await failedNotice();
  // An item in the inbox of 县市场监督管理局's members (its newest).
  f.inboxItem = (await need(call(as("scjg_window"), "GET", "/api/staff/inbox"), 200, "inbox")).items[0];

  // Streamline, administration and the hotline's catalogue.
  f.document = await create("scjg_window", "/api/office/documents", documentBody(), "document request");
  f.settings = await need(call(as("office_admin"), "GET", "/api/admin/settings"), 200, "settings");
  f.unit = await create("office_admin", "/api/admin/units", unitBody(), "unit");
  f.group = await create("office_admin", "/api/admin/unit-groups", groupBody(), "group");
  f.intermediary = await create("office_admin", "/api/admin/intermediaries", intermediaryBody(), "intermediary");
  f.account = await newAccount();
  f.draft = await draftVersion();
  f.submittedVersion = await submittedVersion();
  const exported = await call(as("office_admin"), "GET", "/api/admin/catalogue/export");
  assert.equal(exported.status, 200);
  f.csv = exported.body;
  f.category = await create("office_admin", "/api/hotline/categories", categoryBody(), "category");
  f.knowledge = await create("office_admin", "/api/hotline/knowledge", knowledgeBody(), "knowledge item");
  f.key = await create("office_admin", "/api/hotline/api-keys", { partner: "权限矩阵测试伙伴" }, "api key");
  made.keys.push(f.key.id);

  // Supervision: an item with a task led by unit 4, a reported one, a file.
  f.svTask = await supervisionTask();
  f.svReported = await reportedSupervisionTask();
  f.svFile = await supervisionFile();
  f.svLimits = await need(call(as("office_admin"), "GET", "/api/supervision/limits"), 200, "limit table");

  // Document transmission: an issued request, a draft with its body, a document sent to unit 4.
  f.docRequest = await issuedDocRequest();
  f.draftDoc = await draftDocument();
  f.sentDoc = await sentDocument();
  f.docLimits = await need(call(as("office_admin"), "GET", "/api/documents/limits"), 200, "sign-for limits");
  // Information: an item of unit 4 awaiting the editors, a returned one, an issue of 2097, 2097's rules.
  f.infoItem = await infoItem();
  f.infoReturned = await returnedInfoItem();
  f.infoIssue = await infoIssue();
  f.infoResearch = await infoResearch();
  f.infoRules = await need(call(as("office_admin"), "GET", "/api/information/rules?year=2097"), 200, "information rules");

  // Choosing one's own password: accounts with one-time passwords, one per role.
  f.pw = {};
  const roles = { other_window: ["window_staff", 2], own_window: ["window_staff", 1], head: ["department_head", 1], office: ["office_admin", null] };
  for (const [role, [r, d]] of Object.entries(roles)) {
    const a = await newAccount(r, d);
    f.pw[role] = { ...a, cookie: await signIn(a.username, a.password, { keep: false }) };
  }
});

after(async () => {
  const office = as("office_admin");
  if (!office) return;
  const accounts = (await call(office, "GET", "/api/admin/accounts")).body.accounts ?? [];
  for (const a of accounts.filter((a) => made.accounts.includes(a.username) && a.active)) {
    await call(office, "POST", `/api/admin/accounts/${a.id}`, { json: { name: a.name, role: a.role, department_id: a.department_id, active: false, version: a.version } });
  }
  for (const id of made.keys) await call(office, "POST", `/api/hotline/api-keys/${id}/revoke`);
  const pending = (await call(office, "GET", "/api/office/documents?state=pending&limit=100")).body.documents ?? [];
  for (const d of pending.filter((d) => made.documents.includes(d.subject))) {
    await call(office, "POST", `/api/office/documents/${d.id}/review`, { json: { version: d.version, decision: "refuse", reason: "权限矩阵测试记录，不予发文" } });
  }
});

// ---- the table: one row per operation -----------------------------------------
//
// op: "METHOD /path/{param}" exactly as in the OpenAPI document.
// owner: whose object it is (picks the accounts; default dept1).
// shared(f): the object refused cells (and a lone allowed cell) act on.
// fresh(): an object of its own for each allowed cell (2xx expected).
// path(o), query(o), json(o, role), form(o), headers(): the request.
// cookie(role, owner): a session other than the role's shared one.
// expect: the status per role, in ROLES order.
// answered(res): sees each answer (to clean up what it made).
// variants: further bodies of one operation whose permissions differ.

const ROWS = [
  // -- public: the catalogue, applications, tracking, sign-in, the hotline's caller side
  { op: "GET /api/health", expect: PUBLIC() },
  { op: "GET /api/health/office", expect: PUBLIC() },
  { op: "GET /api/openapi.json", expect: PUBLIC() },
  { op: "GET /api/departments", expect: PUBLIC() },
  { op: "GET /api/matters", query: () => "?department=1", expect: PUBLIC() },
  { op: "GET /api/matters/{id}", path: () => ({ id: matter.id }), expect: PUBLIC() },
  { op: "GET /api/calendar/deadline", query: () => "?accepted=2026-09-30&days=5", expect: PUBLIC() },
  {
    op: "POST /api/applications", expect: PUBLIC(201), headers: () => ({ "Idempotency-Key": randomUUID() }),
    form: () => {
      const body = new FormData();
      body.set("form", JSON.stringify(foodForm(matter)));
      for (const m of matter.materials.filter((m) => m.required)) body.append(`material:${m.id}`, new Blob([JPEG]), "photo.jpg");
      return body;
    },
  },
  { op: "POST /api/track/{case_no}", shared: (f) => f.submitted, path: (c) => ({ case_no: c.case_no }), json: (c) => ({ code: c.query_code }), expect: PUBLIC() },
  { op: "POST /api/track/{case_no}/qr.svg", shared: (f) => f.submitted, path: (c) => ({ case_no: c.case_no }), json: (c) => ({ code: c.query_code }), expect: PUBLIC() },
  {
    op: "POST /api/track/{case_no}/supplement", fresh: supplementCase, path: (c) => ({ case_no: c.case_no }), expect: PUBLIC(),
    form: (c) => {
      const body = new FormData();
      body.set("code", c.query_code);
      body.append(`material:${c.view.materials[0].id}`, new Blob([JPEG]), "licence.jpg");
      return body;
    },
  },
  {
    op: "POST /api/track/{case_no}/evaluation", fresh: completedCase, path: (c) => ({ case_no: c.case_no }), expect: PUBLIC(),
    json: (c) => ({ code: c.query_code, level: "satisfied", comment: "" }),
  },
  {
    op: "POST /api/track/{case_no}/sms", shared: (f) => f.submitted, path: (c) => ({ case_no: c.case_no }), expect: PUBLIC(),
    json: (c) => ({ code: c.query_code, sms_opt_out: false }),
  },
  { op: "POST /api/staff/login", json: () => ({ username: "scjg_window2", password: DEMO_PASSWORD }), expect: PUBLIC() },
  // Signing out ends the session it is sent with: each signed-in cell brings one of its own.
  { op: "POST /api/staff/logout", cookie: async (role, owner) => (role === "anonymous" ? "" : signIn(ACCOUNTS[owner][role], DEMO_PASSWORD, { keep: false })), expect: PUBLIC() },
  {
    op: "POST /api/hotline/tickets", json: () => callerForm(), headers: () => ({ "Idempotency-Key": randomUUID() }), expect: PUBLIC(201),
  },
  {
    op: "POST /api/hotline/track/{ticket_no}", owner: "unit4", shared: (f) => f.tracked, path: (t) => ({ ticket_no: t.ticket_no }),
    json: (t) => ({ code: t.query_code }), expect: PUBLIC(),
  },
  {
    op: "POST /api/hotline/track/{ticket_no}/rating", owner: "unit4", fresh: closedTicket, path: (t) => ({ ticket_no: t.ticket_no }),
    json: (t) => ({ code: t.query_code, rating: "satisfied", comment: "" }), expect: PUBLIC(),
  },

  // -- staff: the inbox and a case of department 1
  { op: "GET /api/staff/me", expect: STAFF() },
  { op: "GET /api/staff/cases", expect: STAFF() },
  { op: "GET /api/staff/cases/{case_no}", shared: (f) => f.submitted, path: (c) => ({ case_no: c.case_no }), expect: DEPT(200, 200) },
  { op: "POST /api/staff/cases/{case_no}/personal-data", shared: (f) => f.submitted, path: (c) => ({ case_no: c.case_no }), expect: DEPT(200, 200) },
  { op: "POST /api/office/applicant-data", json: () => ({ id_number: "91350100M000100Y43" }), expect: OFFICE() },
  {
    op: "POST /api/staff/cases/{case_no}/disposition", shared: (f) => f.submitted, fresh: newCase, path: (c) => ({ case_no: c.case_no }),
    json: (c) => ({ version: c.version, class: "commitment", note: "" }), expect: DEPT(200, 403),
  },
  {
    op: "POST /api/staff/cases/{case_no}/action", shared: (f) => f.accepted, fresh: acceptedCase, path: (c) => ({ case_no: c.case_no }),
    json: (c) => ({ version: c.version, action: "complete", result: "准予许可" }), expect: DEPT(200, 403), name: "complete",
    variants: [
      { name: "assign (the head only)", json: (c) => ({ version: c.version, action: "assign", staff_id: f.colleague.id }), expect: [401, 404, 403, 200, 403] },
      {
        name: "decide_extension (the head only)", shared: (f) => f.extension, fresh: extensionAsked,
        json: (c) => ({ version: c.version, action: "decide_extension", approve: true }), expect: [401, 404, 403, 200, 403],
      },
    ],
  },
  {
    op: "POST /api/staff/cases/{case_no}/verification", shared: (f) => f.negative, path: (c) => ({ case_no: c.case_no }),
    json: (c) => ({ version: c.version, verdict: "upheld", days: 5, instructions: "开展一次性告知制度培训" }), expect: OFFICE(),
  },
  {
    op: "POST /api/staff/cases/{case_no}/rectification", shared: (f) => f.rectifying, fresh: rectifying, path: (c) => ({ case_no: c.case_no }),
    json: (c) => ({ version: c.version, report: "已组织全体窗口人员培训，并向申请人致歉" }), expect: DEPT(200, 403),
  },
  { op: "GET /api/staff/reviews", query: () => "?state=all", expect: STAFF() },
  { op: "GET /api/staff/colleagues", expect: STAFF() },
  { op: "GET /api/staff/files/{id}", shared: (f) => f.file, path: (file) => ({ id: file.id }), expect: DEPT(200, 200) },

  // -- meetings and documents, oversight, the calendar
  { op: "GET /api/office/dashboard", expect: STAFF() },
  { op: "GET /api/office/meetings", expect: STAFF() },
  // Registering in department 1's name: its staff and the office may, another department's may not.
  { op: "POST /api/office/meetings", json: meetingBody, expect: [401, 403, 201, 201, 201] },
  { op: "GET /api/office/plan", expect: STAFF() },
  { op: "POST /api/office/plan", json: () => ({ year: 2098, title: `权限矩阵测试计划${unique()}`, class: "class1", month: 3 }), expect: OFFICE(201) },
  { op: "GET /api/office/documents", query: () => "?state=pending", expect: STAFF() },
  { op: "POST /api/office/documents", json: documentBody, expect: [401, 403, 201, 201, 201] },
  {
    op: "POST /api/office/documents/{id}/review", shared: (f) => f.document, path: (d) => ({ id: d.id }),
    json: (d) => ({ version: d.version, decision: "refuse", reason: "权限矩阵测试：能不发的不发" }), expect: OFFICE(),
  },
  { op: "GET /api/office/quotas", expect: STAFF() },
  { op: "POST /api/office/quotas", json: () => ({ year: 2098, kind: "meeting", category: "class1", quota: 12 }), expect: OFFICE() },
  { op: "GET /api/office/events", expect: OFFICE() },
  { op: "GET /api/office/overview", expect: OFFICE() },
  { op: "GET /api/office/statistics", query: () => `?from=${TODAY}&to=${TODAY}`, expect: OFFICE() },
  { op: "GET /api/office/report", query: () => `?from=${TODAY}&to=${TODAY}`, expect: OFFICE() },
  { op: "GET /api/office/warnings", expect: OFFICE() },
  { op: "GET /api/office/calendar", query: () => "?year=2026", expect: STAFF() },
  // A far year: entering it moves no open case's deadline.
  { op: "POST /api/office/calendar", json: () => ({ year: 2097, holidays: [], workdays: [] }), expect: OFFICE() },
  { op: "POST /api/office/calendar/rederive", expect: OFFICE() },

  // -- administration
  // Each signed-in cell chooses the password of an account of its role that signed in with a one-time password.
  {
    op: "POST /api/staff/password", cookie: async (role) => (role === "anonymous" ? "" : f.pw[role].cookie),
    json: (_, role) => ({ current: f.pw[role]?.password ?? "x", new: `Matrix-River-${unique()}` }), expect: STAFF(),
  },
  // The member's own second factor. Setting one up only keeps a new secret
  // aside; confirming, renewing and turning off need the password again: a
  // wrong one is refused as invalid (400) past authorization (`checked`).
  { op: "GET /api/staff/second-factor", expect: STAFF() },
  { op: "POST /api/staff/second-factor/setup", expect: STAFF() },
  { op: "POST /api/staff/second-factor/confirm", checked: true, json: () => ({ password: "not-the-password", code: "123456" }), expect: STAFF(400) },
  { op: "POST /api/staff/second-factor/recovery-codes", checked: true, json: () => ({ password: "not-the-password", code: "123456" }), expect: STAFF(400) },
  { op: "POST /api/staff/second-factor/off", checked: true, json: () => ({ password: "not-the-password", code: "123456" }), expect: STAFF(400) },
  { op: "GET /api/staff/sessions", expect: STAFF() },
  { op: "POST /api/staff/sessions/end-others", json: () => ({ password: DEMO_PASSWORD }), expect: STAFF() },
  { op: "GET /api/admin/settings", expect: OFFICE() },
  { op: "POST /api/admin/settings", shared: (f) => f.settings, json: (s) => s, expect: OFFICE() },
  { op: "GET /api/admin/units", expect: STAFF() },
  { op: "POST /api/admin/units", json: unitBody, expect: OFFICE(201) },
  {
    op: "POST /api/admin/units/{id}", shared: (f) => f.unit, path: (u) => ({ id: u.id }),
    json: (u) => ({ name: u.name, kind: u.kind, window: u.window, window_location: u.window_location, window_staff: u.window_staff, phone: u.phone, sort: u.sort, active: false, version: u.version }),
    expect: OFFICE(),
  },
  { op: "GET /api/admin/unit-groups", expect: STAFF() },
  { op: "POST /api/admin/unit-groups", json: groupBody, expect: OFFICE(201) },
  { op: "POST /api/admin/unit-groups/{id}", shared: (f) => f.group, path: (g) => ({ id: g.id }), json: (g) => ({ name: g.name, members: [1, 2, 3], version: g.version }), expect: OFFICE() },
  { op: "GET /api/admin/intermediaries", expect: STAFF() },
  { op: "POST /api/admin/intermediaries", json: intermediaryBody, expect: OFFICE(201) },
  {
    op: "POST /api/admin/intermediaries/{id}", shared: (f) => f.intermediary, path: (i) => ({ id: i.id }),
    json: (i) => ({ name: i.name, service: i.service, staff: 4, active: false, version: i.version }), expect: OFFICE(),
  },
  // Accounts: the office administers all, a department head their own department's.
  { op: "GET /api/admin/accounts", expect: [401, 403, 403, 200, 200] },
  {
    op: "POST /api/admin/accounts", expect: [401, 403, 403, 201, 201],
    json: () => {
      const username = `authz_${unique()}`;
      made.accounts.push(username);
      return { username, name: "权限矩阵测试", role: "window_staff", department_id: 1 };
    },
  },
  {
    op: "POST /api/admin/accounts/{id}", shared: (f) => f.account, fresh: () => newAccount(), path: (a) => ({ id: a.id }),
    json: (a) => ({ name: "权限矩阵测试改", role: "window_staff", department_id: 1, active: true, version: a.version }), expect: [401, 403, 403, 200, 200],
  },
  {
    op: "POST /api/admin/accounts/{id}/password-reset", shared: (f) => f.account, fresh: () => newAccount(), path: (a) => ({ id: a.id }),
    json: (a) => ({ version: a.version }), expect: [401, 403, 403, 200, 200],
  },
  { op: "POST /api/admin/accounts/{id}/end-sessions", shared: (f) => f.account, path: (a) => ({ id: a.id }), expect: [401, 403, 403, 200, 200] },
  // The catalogue: department heads draft their own department's matters, the office reviews.
  { op: "GET /api/admin/matter-versions", expect: [401, 403, 403, 200, 200] },
  { op: "GET /api/admin/matter-versions/{id}", shared: (f) => f.draft, path: (v) => ({ id: v.id }), expect: [401, 404, 404, 200, 200] },
  { op: "POST /api/admin/matter-versions", json: () => ({ matter_id: null, content: matterContent(`AZ${unique()}`) }), expect: [401, 403, 403, 201, 201] },
  {
    op: "POST /api/admin/matter-versions/{id}", shared: (f) => f.draft, fresh: draftVersion, path: (v) => ({ id: v.id }),
    json: (v) => ({ content: { ...v.content, fee_basis: "权限矩阵测试修改" }, rev: v.rev }), expect: [401, 404, 404, 200, 200],
  },
  {
    op: "POST /api/admin/matter-versions/{id}/action", shared: (f) => f.draft, fresh: draftVersion, path: (v) => ({ id: v.id }),
    json: (v) => ({ step: "submit", note: "", rev: v.rev }), expect: [401, 404, 404, 200, 200], name: "submit",
    variants: [
      {
        name: "return (the office only)", shared: (f) => f.submittedVersion, fresh: undefined,
        json: (v) => ({ step: "return", note: "请写明收费依据", rev: v.rev }), expect: [401, 404, 404, 403, 200],
      },
    ],
  },
  { op: "GET /api/admin/catalogue/export", expect: OFFICE() },
  { op: "GET /api/admin/security-events", expect: OFFICE() },
  { op: "GET /api/admin/notices", expect: OFFICE() },
  { op: "GET /api/staff/inbox", expect: STAFF() },
  // Each member marks their own entry; the other department and the office have none.
  { op: "POST /api/staff/inbox/{id}/read", shared: (f) => f.inboxItem, path: (i) => ({ id: i.id }), expect: [401, 404, 200, 200, 404] },
  { op: "POST /api/admin/notices/{id}/resend", shared: (f) => f.failedNotice, fresh: failedNotice, path: (n) => ({ id: n.id }), expect: OFFICE() },
  // The catalogue as exported: every line unchanged, nothing published.
  { op: "POST /api/admin/catalogue/import", json: () => ({ csv: f.csv }), expect: OFFICE() },

  // -- the hotline, staff side: a ticket dispatched to unit 4
  {
    op: "POST /api/hotline/intake", headers: () => ({ "Idempotency-Key": randomUUID() }),
    json: () => ({ ...callerForm(), channel: "phone", urgency: "normal", city_ticket_no: "" }), expect: OFFICE(201),
  },
  { op: "GET /api/hotline/tickets", owner: "unit4", expect: STAFF() },
  { op: "GET /api/hotline/tickets/{ticket_no}", owner: "unit4", shared: (f) => f.dispatched, path: (t) => ({ ticket_no: t.ticket_no }), expect: DEPT(200, 200) },
  {
    op: "POST /api/hotline/tickets/{ticket_no}/disposition", owner: "unit4", shared: (f) => f.received, path: (t) => ({ ticket_no: t.ticket_no }),
    json: (t) => ({ version: t.version, ...DISPATCH_TO_4 }), expect: OFFICE(),
  },
  {
    op: "POST /api/hotline/tickets/{ticket_no}/action", owner: "unit4", shared: (f) => f.dispatched, fresh: dispatchedTicket,
    path: (t) => ({ ticket_no: t.ticket_no }), json: (t) => ({ version: t.version, action: "sign" }), expect: DEPT(200, 403), name: "sign (the unit)",
    variants: [
      { name: "reply (the unit's head)", shared: (f) => f.signed, fresh: signedTicket, json: (t) => ({ version: t.version, ...REPLY }), expect: [401, 404, 403, 200, 403] },
      {
        name: "review_reply (the office)", shared: (f) => f.replied, fresh: undefined,
        json: (t) => ({ version: t.version, action: "review_reply", accept: true, reason: "" }), expect: [401, 404, 403, 403, 200],
      },
    ],
  },
  { op: "GET /api/hotline/categories", expect: STAFF() },
  { op: "POST /api/hotline/categories", json: categoryBody, expect: OFFICE(201) },
  {
    op: "POST /api/hotline/categories/{id}", shared: (f) => f.category, path: (c) => ({ id: c.id }),
    json: (c) => ({ ...categoryBody(), code: c.code, name: "权限矩阵测试类别改", version: c.version }), expect: OFFICE(),
  },
  { op: "GET /api/hotline/knowledge", expect: STAFF() },
  { op: "POST /api/hotline/knowledge", json: knowledgeBody, expect: OFFICE(201) },
  {
    op: "POST /api/hotline/knowledge/{id}", shared: (f) => f.knowledge, path: (k) => ({ id: k.id }),
    json: (k) => ({ category_id: null, title: k.title, answer: "测试答复（修改）", policy_refs: "", active: false, version: k.version }), expect: OFFICE(),
  },
  { op: "GET /api/hotline/figures", query: () => "?from=2026-01-01&to=2026-12-31", expect: OFFICE() },
  { op: "GET /api/hotline/figures.csv", query: () => "?from=2026-01-01&to=2026-12-31", expect: OFFICE() },
  { op: "GET /api/hotline/bulletin", query: () => "?from=2026-01-01&to=2026-12-31", expect: OFFICE() },
  { op: "GET /api/hotline/hotspots", expect: OFFICE() },
  { op: "GET /api/hotline/api-keys", expect: OFFICE() },
  {
    op: "POST /api/hotline/api-keys", expect: OFFICE(201), json: () => ({ partner: "权限矩阵测试伙伴" }),
    answered: (res) => res.status === 201 && made.keys.push(res.body.id),
  },
  { op: "POST /api/hotline/api-keys/{id}/revoke", shared: (f) => f.key, path: (k) => ({ id: k.id }), expect: OFFICE() },

  // -- supervision: an item whose task unit 4 leads
  { op: "GET /api/supervision/items", expect: OFFICE() },
  {
    op: "POST /api/supervision/items", expect: OFFICE(201),
    json: () => ({ source: "media", reference: `权限矩阵测试报道${unique()}`, title: "权限矩阵测试", instruction: "整改", priority: "normal", leader: "张县长" }),
  },
  { op: "GET /api/supervision/items/{item_no}", owner: "unit4", shared: (f) => f.svTask, path: (t) => ({ item_no: t.item_no }), expect: DEPT(200, 200) },
  {
    op: "POST /api/supervision/items/{item_no}/tasks", owner: "unit4", fresh: supervisionTask, shared: (f) => f.svTask, path: (t) => ({ item_no: t.item_no }),
    json: (t) => ({ version: t.item_version, requirement: "权限矩阵测试任务二", lead_unit_id: 4, assist_unit_ids: [], responsible: "吴海峰", supervisor: "周明", milestones: [] }),
    expect: OFFICE(201),
  },
  {
    op: "POST /api/supervision/items/{item_no}/files", owner: "unit4", shared: (f) => f.svTask, path: (t) => ({ item_no: t.item_no }), expect: DEPT(201, 201),
    form: (t) => {
      const body = new FormData();
      body.append("file", new Blob([JPEG]), "report.jpg");
      body.set("task_no", t.task_no);
      return body;
    },
  },
  { op: "GET /api/supervision/files/{id}", owner: "unit4", shared: (f) => f.svFile, path: (file) => ({ id: file.id }), expect: DEPT(200, 200) },
  { op: "GET /api/supervision/tasks", owner: "unit4", expect: STAFF() },
  {
    op: "POST /api/supervision/tasks/{task_no}/action", owner: "unit4", shared: (f) => f.svTask, fresh: supervisionTask, path: (t) => ({ task_no: t.task_no }),
    json: (t) => ({ version: t.version, action: "progress", text: "权限矩阵测试进展" }), expect: DEPT(200, 403), name: "progress (the units)",
    variants: [
      {
        name: "check (the office)", shared: (f) => f.svReported, fresh: undefined,
        json: (t) => ({ version: t.version, action: "check", pass: true, reason: "" }), expect: [401, 404, 403, 403, 200],
      },
    ],
  },
  { op: "GET /api/supervision/slips", owner: "unit4", expect: STAFF() },
  { op: "GET /api/supervision/slips/{id}", owner: "unit4", shared: (f) => f.svTask, path: (t) => ({ id: t.slip_id }), expect: DEPT(200, 200) },
  { op: "GET /api/supervision/limits", expect: OFFICE() },
  { op: "POST /api/supervision/limits", shared: (f) => f.svLimits, json: (t) => t, expect: OFFICE() },
  { op: "GET /api/supervision/publications", expect: OFFICE() },
  {
    op: "POST /api/supervision/publications", expect: OFFICE(201),
    json: () => ({ kind: "special", title: `权限矩阵测试专报${unique()}`, published_on: TODAY, summary: "", item_nos: [] }),
  },
  { op: "GET /api/supervision/dashboard", query: () => `?from=${TODAY}&to=${TODAY}`, expect: OFFICE() },
  { op: "GET /api/supervision/dashboard.csv", query: () => `?from=${TODAY}&to=${TODAY}`, expect: OFFICE() },
  // -- efficiency complaints: the complainant's side, then a complaint assigned to unit 4
  { op: "POST /api/complaints", json: () => complaintForm(), headers: () => ({ "Idempotency-Key": randomUUID() }), expect: PUBLIC(201) },
  {
    op: "POST /api/complaints/track/{complaint_no}", owner: "unit4", shared: (f) => f.complaintTracked, path: (c) => ({ complaint_no: c.complaint_no }),
    json: (c) => ({ code: c.query_code }), expect: PUBLIC(),
  },
  {
    op: "POST /api/complaints/intake", headers: () => ({ "Idempotency-Key": randomUUID() }),
    json: () => ({ ...complaintForm(), channel: "phone" }), expect: OFFICE(201),
  },
  { op: "GET /api/complaints", owner: "unit4", expect: STAFF() },
  {
    op: "GET /api/complaints/{complaint_no}", owner: "unit4", shared: (f) => f.complaintAssigned, path: (c) => ({ complaint_no: c.complaint_no }),
    expect: DEPT(200, 200),
  },
  {
    op: "POST /api/complaints/{complaint_no}/action", owner: "unit4", shared: (f) => f.complaintAssigned, fresh: assignedComplaint,
    path: (c) => ({ complaint_no: c.complaint_no }), name: "investigate (the assigned unit)",
    json: (c) => ({ version: c.version, action: "investigate", finding: "true", unit_ids: [4], people: "", facts: "经查属实" }),
    expect: [401, 404, 200, 200, 403],
    variants: [
      {
        // Before acceptance no unit has it: every unit gets the unknown complaint's 404.
        name: "accept (the office)", shared: (f) => f.complaintReceived, fresh: receivedComplaint,
        json: (c) => ({ version: c.version, action: "accept", mode: "office", unit_id: null }), expect: [401, 404, 404, 404, 200],
      },
    ],
  },
  {
    op: "POST /api/complaints/{complaint_no}/evidence", owner: "unit4", shared: (f) => f.complaintAssigned, fresh: assignedComplaint,
    path: (c) => ({ complaint_no: c.complaint_no }), form: evidenceForm, expect: [401, 404, 200, 200, 403],
  },
  {
    op: "GET /api/complaints/{complaint_no}/evidence/{id}", owner: "unit4", shared: (f) => f.complaintEvidence,
    path: (e) => ({ complaint_no: e.complaint_no, id: e.id }), expect: DEPT(200, 200),
  },
  { op: "GET /api/complaints/figures", query: () => "?from=2026-01-01&to=2026-12-31", expect: OFFICE() },
  { op: "GET /api/complaints/figures.csv", query: () => "?from=2026-01-01&to=2026-12-31", expect: OFFICE() },
  // -- document transmission: a document sent to unit 4
  { op: "GET /api/documents", owner: "unit4", expect: STAFF() },
  { op: "POST /api/documents", shared: (f) => f.docRequest, fresh: issuedDocRequest, json: (r) => docForm(r.id), expect: OFFICE(201) },
  { op: "GET /api/documents/figures", query: () => `?from=${TODAY}&to=${TODAY}`, expect: OFFICE() },
  { op: "GET /api/documents/figures.csv", query: () => `?from=${TODAY}&to=${TODAY}`, expect: OFFICE() },
  { op: "GET /api/documents/limits", expect: OFFICE() },
  { op: "POST /api/documents/limits", shared: (f) => f.docLimits, json: (t) => t, expect: OFFICE() },
  { op: "GET /api/documents/{doc_key}", owner: "unit4", shared: (f) => f.sentDoc, path: (d) => ({ doc_key: d.doc_key }), expect: DEPT(200, 200) },
  {
    op: "POST /api/documents/{doc_key}/action", owner: "unit4", shared: (f) => f.sentDoc, fresh: sentDocument, path: (d) => ({ doc_key: d.doc_key }),
    json: (d) => ({ version: d.copy_version, action: "sign" }), expect: [401, 404, 200, 200, 403], name: "sign (the unit)",
    variants: [
      {
        // Before the send no unit has a copy: every unit gets the unknown document's 404.
        name: "send (the office)", shared: (f) => f.draftDoc, fresh: draftDocument,
        json: (d) => ({ version: d.version, action: "send" }), expect: [401, 404, 404, 404, 200],
      },
    ],
  },
  {
    op: "POST /api/documents/{doc_key}/files", owner: "unit4", shared: (f) => f.draftDoc, fresh: draftDocument, path: (d) => ({ doc_key: d.doc_key }),
    form: () => docFileForm(), expect: OFFICE(201),
  },
  {
    op: "GET /api/documents/{doc_key}/files/{id}", owner: "unit4", shared: (f) => f.sentDoc, path: (d) => ({ doc_key: d.doc_key, id: d.file_id }),
    expect: DEPT(200, 200),
  },
  { op: "GET /api/documents/{doc_key}/receipts", owner: "unit4", shared: (f) => f.sentDoc, path: (d) => ({ doc_key: d.doc_key }), expect: OFFICE() },
  { op: "GET /api/documents/{doc_key}/verify", owner: "unit4", shared: (f) => f.sentDoc, path: (d) => ({ doc_key: d.doc_key }), expect: OFFICE() },
  // -- information: items submitted by unit 4, editors' decisions, issues, rules and the league table
  { op: "GET /api/information/items", owner: "unit4", expect: STAFF() },
  { op: "POST /api/information/items", owner: "unit4", json: () => infoBody(), expect: [401, 201, 201, 201, 403] },
  { op: "GET /api/information/items/{item_no}", owner: "unit4", shared: (f) => f.infoItem, path: (i) => ({ item_no: i.item_no }), expect: DEPT(200, 200) },
  {
    op: "POST /api/information/items/{item_no}/action", owner: "unit4", shared: (f) => f.infoItem, fresh: infoItem,
    path: (i) => ({ item_no: i.item_no }), name: "adopt (the office)",
    json: (i) => ({ version: i.version, action: "adopt", issue_id: f.infoIssue.id }), expect: [401, 404, 403, 403, 200],
    variants: [
      {
        name: "resubmit (the unit)", shared: (f) => f.infoReturned, fresh: returnedInfoItem,
        json: (i) => ({ version: i.version, action: "resubmit", title: i.title, body: "补充后的正文" }), expect: [401, 404, 200, 200, 403],
      },
    ],
  },
  { op: "GET /api/information/items.csv", query: () => "?year=2097", expect: OFFICE() },
  { op: "GET /api/information/issues", query: () => "?year=2097", expect: OFFICE() },
  {
    op: "POST /api/information/issues", json: () => ({ kind: "supplement", title: `权限矩阵测试增刊${unique()}`, published_on: "2097-02-02" }),
    expect: OFFICE(201),
  },
  { op: "GET /api/information/issues/{id}", shared: (f) => f.infoIssue, path: (i) => ({ id: i.id }), expect: OFFICE() },
  { op: "GET /api/information/rules", query: () => "?year=2097", expect: OFFICE() },
  { op: "POST /api/information/rules", shared: (f) => f.infoRules, json: (r) => r, expect: OFFICE() },
  { op: "GET /api/information/league", query: () => "?year=2097", expect: STAFF() },
  { op: "GET /api/information/league.csv", query: () => "?year=2097", expect: STAFF() },
  { op: "GET /api/information/commissions", owner: "unit4", expect: STAFF() },
  { op: "POST /api/information/commissions", json: () => ({ topic: `权限矩阵测试约稿${unique()}`, deadline: "2097-03-01", unit_ids: [4] }), expect: OFFICE(201) },
  { op: "GET /api/information/emergencies", owner: "unit4", expect: STAFF() },
  { op: "GET /api/information/research", query: () => "?year=2097", expect: OFFICE() },
  {
    op: "POST /api/information/research", json: () => ({ title: `权限矩阵测试调研${unique()}`, year: 2025, quarter: 1 }),
    expect: [401, 403, 403, 403, 201],
  },
  { op: "POST /api/information/research/{id}/decision", shared: (f) => f.infoResearch, fresh: infoResearch, path: (r) => ({ id: r.id }), json: () => ({ leader: "张县长", instruction: "同意" }), expect: OFFICE() },
  {
    op: "POST /api/information/studies", json: () => ({ title: `权限矩阵测试工作研究${unique()}`, published_on: "2097-04-01", articles: ["文章一"] }),
    expect: OFFICE(201),
  },
  { op: "GET /api/information/figures", query: () => "?from=2097-01-01&to=2097-12-31", expect: OFFICE() },
];

/** Every (operation, body) pair: a row and its variants, each with the row's settings unless it names its own. */
const CELLS_OF = ROWS.flatMap((row) => [row, ...(row.variants ?? []).map((v) => ({ ...row, variants: undefined, ...v }))]);

function documented() {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).filter((m) => ["get", "post", "put", "patch", "delete"].includes(m)).map((m) => `${m.toUpperCase()} ${path}`),
  );
}

function operation(op) {
  const [method, path] = op.split(" ");
  return doc.paths[path]?.[method.toLowerCase()];
}

function urlOf(row, o) {
  const params = row.path ? row.path(o) : {};
  const path = row.op.split(" ")[1].replace(/\{(\w+)\}/g, (_, name) => {
    assert.ok(params[name] !== undefined, `${row.op}: no value for {${name}}`);
    return encodeURIComponent(params[name]);
  });
  return path + (row.query ? row.query(o) : "");
}

/** One cell: `role` calls `row` and gets `want`, or a line saying what it got instead. */
async function cell(row, role, want) {
  const owner = row.owner ?? "dept1";
  const account = role === "anonymous" ? "" : ACCOUNTS[owner][role];
  const cookie = row.cookie ? await row.cookie(role, owner) : account ? as(account) : "";
  // A row marked `checked` has a body its handler refuses (400) once
  // authorization let it through: that 400 is the allowed answer.
  const allowed = want < 400 || (row.checked && want === 400);
  const o = allowed && row.fresh ? await row.fresh() : row.shared ? row.shared(f) : null;
  const res = await call(cookie, row.op.split(" ")[0], urlOf(row, o), {
    json: row.json ? row.json(o, role) : undefined,
    form: row.form ? row.form(o) : undefined,
    headers: row.headers ? row.headers() : {},
  });
  if (row.answered) row.answered(res);
  const code = typeof res.body === "object" ? res.body?.error?.code : undefined;
  const refusalRight = allowed || code === REFUSAL[want];
  if (res.status === want && refusalRight) return null;
  const detail = typeof res.body === "object" ? JSON.stringify(res.body).slice(0, 240) : String(res.body).slice(0, 120);
  return `${role} (${account || "no session"}): expected ${want}${allowed ? "" : ` ${REFUSAL[want]}`}, got ${res.status} ${detail}`;
}

test("every operation of /api/openapi.json has its row in the matrix, and every row an operation", () => {
  const ops = documented();
  const rows = ROWS.map((r) => r.op);
  const missing = ops.filter((op) => !rows.includes(op));
  const stale = rows.filter((op) => !ops.includes(op));
  const twice = rows.filter((op, i) => rows.indexOf(op) !== i);
  assert.deepEqual(missing, [], "operations without a row: add each to ROWS in tests/api/authz_matrix.test.mjs with who may call it");
  assert.deepEqual(stale, [], "rows of operations the document no longer lists");
  assert.deepEqual(twice, [], "one row per operation (a second body goes in the row's variants)");
  for (const row of CELLS_OF) assert.equal(row.expect.length, ROLES.length, row.op);
});

test("the matrix agrees with the document: public operations need no session, every other one a session", () => {
  for (const row of ROWS) {
    const secured = (operation(row.op)?.security ?? []).length > 0;
    if (secured) assert.equal(row.expect[0], 401, `${row.op} declares a session: anonymous must get 401`);
    else assert.ok(row.expect[0] < 400, `${row.op} is public: anonymous must be served`);
  }
});

test("every route × every role answers as the matrix says", async (t) => {
  // Reads first, then writes; in each, refused cells before allowed ones.
  const ordered = [...CELLS_OF].sort((a, b) => (a.op.startsWith("GET") ? 0 : 1) - (b.op.startsWith("GET") ? 0 : 1));
  let cells = 0;
  for (const row of ordered) {
    const label = row.name ? `${row.op} [${row.name}]` : row.op;
    await t.test(label, async () => {
      const order = ROLES.map((role, i) => [role, row.expect[i]]).sort((a, b) => (a[1] < 400) - (b[1] < 400));
      const wrong = [];
      for (const [role, want] of order) {
        const line = await cell(row, role, want);
        cells++;
        if (line) wrong.push(line);
      }
      assert.deepEqual(wrong, [], `${label}:\n  ${wrong.join("\n  ")}`);
    });
  }
  t.diagnostic(`${ROWS.length} operations × ${ROLES.length} roles = ${ROWS.length * ROLES.length} cells; ${cells} requests with the action variants`);
});

test("lists every signed-in member may read show another department's objects to no one but the office", async () => {
  const list = async (username, path, key) => {
    const res = await call(as(username), "GET", path);
    assert.equal(res.status, 200, `${username} ${path}: ${JSON.stringify(res.body).slice(0, 200)}`);
    return res.body[key] ?? res.body;
  };
  const caseNo = f.submitted.case_no;
  const cases = (u) => list(u, `/api/staff/cases?q=${caseNo}`, "cases").then((l) => l.map((c) => c.case_no));
  assert.deepEqual(await cases("ga_window"), [], "a case number searched by another department");
  assert.deepEqual(await cases("scjg_window"), [caseNo]);
  assert.deepEqual(await cases("office_admin"), [caseNo]);

  const reviews = (u) => list(u, "/api/staff/reviews?state=all", "reviews").then((l) => l.map((r) => r.case_no));
  assert.ok(!(await reviews("ga_window")).includes(f.negative.case_no), "another department's negative review");
  assert.ok((await reviews("scjg_window")).includes(f.negative.case_no));
  assert.ok((await reviews("office_admin")).includes(f.negative.case_no));

  const tickets = (u) => list(u, `/api/hotline/tickets?q=${f.dispatched.ticket_no}`, "items").then((l) => l.map((t) => t.ticket_no));
  assert.deepEqual(await tickets("ga_window"), [], "a ticket number searched by a unit without a part in it");
  assert.deepEqual(await tickets("zj_window"), [f.dispatched.ticket_no]);
  assert.deepEqual(await tickets("office_admin"), [f.dispatched.ticket_no]);

  const names = (u) => list(u, "/api/staff/colleagues", "colleagues").then((l) => l.map((c) => c.name));
  assert.ok(!(await names("ga_window")).includes("陈静"), "another department's staff");
  assert.ok((await names("scjg_window")).includes("陈静"));

  const accounts = await list("scjg_head", "/api/admin/accounts", "accounts");
  assert.ok(accounts.length > 0 && accounts.every((a) => a.department_id === 1), "a head lists their own department's accounts only");
  const versions = (u) => list(u, "/api/admin/matter-versions", "versions").then((l) => l.map((v) => v.id));
  assert.ok(!(await versions("zj_head")).includes(f.draft.id), "another department's head does not list the draft");
  assert.ok((await versions("scjg_head")).includes(f.draft.id));
  assert.ok((await versions("office_admin")).includes(f.draft.id));
});

test("a session still on its one-time password opens nothing but who-am-I and choosing a password", async () => {
  const a = await newAccount();
  const cookie = await signIn(a.username, a.password, { keep: false });
  const open = ["GET /api/staff/me", "POST /api/staff/password"];
  const wrong = [];
  for (const row of ROWS.filter((r) => (operation(r.op)?.security ?? []).length > 0)) {
    const res = await call(cookie, row.op.split(" ")[0], urlOf(row, row.shared ? row.shared(f) : null), row.op.startsWith("POST") ? { json: {} } : {});
    const code = res.body?.error?.code;
    if (row.op === "GET /api/staff/me") {
      if (res.status !== 200) wrong.push(`${row.op}: ${res.status}`);
    } else if (row.op === "POST /api/staff/password") {
      if (res.status !== 400) wrong.push(`${row.op}: an empty body is refused as invalid, not as unauthorised: ${res.status}`);
    } else if (res.status !== 403 || code !== "password_change_required") {
      wrong.push(`${row.op}: ${res.status} ${code}`);
    }
  }
  assert.deepEqual(wrong, [], `open with a one-time password (only ${open.join(", ")} should be):\n  ${wrong.join("\n  ")}`);
});

test("an office admin without the second factor their role requires opens nothing but who-am-I, choosing a password and setting it up", async () => {
  const a = await newAccount("office_admin", null);
  const first = await signIn(a.username, a.password, { keep: false });
  const password = `Matrix-Harbour-${unique()}`;
  await need(call(first, "POST", "/api/staff/password", { json: { current: a.password, new: password } }), 200, "own password");
  const cookie = await signIn(a.username, password, { keep: false });
  const open = { "GET /api/staff/me": 200, "POST /api/staff/password": 400, "GET /api/staff/second-factor": 200, "POST /api/staff/second-factor/setup": 200 };
  for (const op of ["confirm", "recovery-codes", "off"]) open[`POST /api/staff/second-factor/${op}`] = 400;
  const wrong = [];
  for (const row of ROWS.filter((r) => (operation(r.op)?.security ?? []).length > 0)) {
    const res = await call(cookie, row.op.split(" ")[0], urlOf(row, row.shared ? row.shared(f) : null), row.op.startsWith("POST") ? { json: {} } : {});
    const code = res.body?.error?.code;
    if (open[row.op] !== undefined) {
      if (res.status !== open[row.op]) wrong.push(`${row.op}: ${res.status} ${code}`);
    } else if (res.status !== 403 || code !== "second_factor_setup_required") {
      wrong.push(`${row.op}: ${res.status} ${code}`);
    }
  }
  assert.deepEqual(wrong, [], `open without the second factor (only ${Object.keys(open).join(", ")} should be):\n  ${wrong.join("\n  ")}`);
});

test("without a session, every secured operation answers 401 before it looks at the body", async () => {
  const wrong = [];
  for (const row of ROWS.filter((r) => (operation(r.op)?.security ?? []).length > 0)) {
    const res = await call("", row.op.split(" ")[0], urlOf(row, row.shared ? row.shared(f) : null), row.op.startsWith("POST") ? { json: {} } : {});
    if (res.status !== 401 || res.body?.error?.code !== "unauthenticated") wrong.push(`${row.op}: ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
  }
  assert.deepEqual(wrong, [], wrong.join("\n"));
});
