// Efficiency complaint helpers for the API and browser tests: a
// complainant's submission (named or anonymous), the look-up, staff
// intake and actions, all over HTTP.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { BASE_URL, postPublic } from "./http.mjs";
import { clientIp, cookieOf } from "./cases.mjs";
import { post } from "./admin.mjs";

/** Units of the demo county: 市场监管局 (1), 公安局 (2), 住建局 (4), 城关镇 (12), 河口镇 (13). */
export const UNIT = { market: 1, police: 2, housing: 4, chengguan: 12, hekou: 13 };

/** A complainant's identity no other test uses, so a leak is found by text. */
export const WHO = { name: "欧阳秀梅", phone: "13987650123", id_number: "11010519491231002X" };

export function complaintForm(overrides = {}) {
  return {
    kind: "complaint",
    anonymous: false,
    ...WHO,
    subject: "县住房和城乡建设局审批窗口",
    cause: "办理施工许可被要求重复提交材料",
    course: "11月20日到窗口办理施工许可，工作人员三次要求补交同一份材料，拖延一周未办。",
    ...overrides,
  };
}

export const anonymousForm = (overrides = {}) =>
  complaintForm({ anonymous: true, name: "", phone: "", id_number: "", ...overrides });

/** POST /api/complaints with an Idempotency-Key. */
export async function submitComplaint(form = complaintForm(), { key = randomUUID(), ip = clientIp() } = {}) {
  return postPublic("/api/complaints", form, { key, ip });
}

export async function newComplaint(overrides = {}) {
  const res = await submitComplaint(complaintForm(overrides));
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

/** The complainant's look-up, the code in the body. */
export async function trackComplaint(no, code, ip = clientIp()) {
  return postPublic(`/api/complaints/track/${no}`, { code }, { ip });
}

export { cookieOf };

export async function complaint(cookie, no) {
  const res = await fetch(`${BASE_URL}/api/complaints/${no}`, { headers: { Cookie: cookie } });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

export const actOn = (cookie, no, version, action) => post(cookie, `/api/complaints/${no}/action`, { version, ...action });

/** Acts and expects success; answers the staff view after. */
export async function step(cookie, view, action) {
  const res = await actOn(cookie, view.complaint_no, view.version, action);
  assert.equal(res.status, 200, `${action.action}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * A fresh complaint the office has accepted: handled by itself (`mode`
 * office) or given to `unit` (assigned / transferred).
 */
export async function accepted({ mode = "assigned", unit = UNIT.housing, form = {}, anonymous = false } = {}) {
  const receipt = (await submitComplaint(anonymous ? anonymousForm(form) : complaintForm(form))).body;
  assert.ok(receipt.complaint_no, JSON.stringify(receipt));
  const office = await cookieOf("office_admin");
  const before = (await complaint(office, receipt.complaint_no)).body;
  const view = await step(office, before, { action: "accept", mode, unit_id: mode === "office" ? null : unit, instruction: "请调查核实" });
  return { receipt, office, view };
}

/** Evidence upload: multipart, files under `material:1`. */
export async function uploadEvidence(cookie, no, version, files) {
  const form = new FormData();
  form.append("version", String(version));
  for (const [name, bytes, type] of files) form.append("material:1", new Blob([bytes], { type }), name);
  const res = await fetch(`${BASE_URL}/api/complaints/${no}/evidence`, { method: "POST", headers: { Cookie: cookie }, body: form });
  return { status: res.status, headers: res.headers, body: await res.json() };
}
