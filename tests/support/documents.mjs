// Document transmission helpers for the API and browser tests: an issued,
// numbered document request (the streamline wing's review), an outgoing
// document made from it with its PDF body, sent, and the actions on it.
import assert from "node:assert/strict";
import { BASE_URL } from "./http.mjs";
import { PDF } from "./cases.mjs";
import { post } from "./admin.mjs";

/** Units of the demo county and its two groups (县政府各部门 1–11, 乡镇 12–15). */
export const UNIT = { market: 1, police: 2, housing: 4, chengguan: 12, hekou: 13 };
export const GROUP = { departments: 1, townships: 2 };

let serial = 0;

/** A document request the office issued with its number: its id. */
export async function issuedRequest(office, subject = `公文传输测试${Date.now() % 1e8}${++serial}`) {
  const request = {
    subject, proposed_level: "county_office", drafting_departments: [1], within_one_department: false, needs_government_authority: true,
    nature: "work_arrangement", length_chars: 1200,
  };
  const made = await post(office, "/api/office/documents", request);
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const reviewed = await post(office, `/api/office/documents/${made.body.id}/review`, { version: made.body.version, decision: "approve" });
  assert.equal(reviewed.status, 200, JSON.stringify(reviewed.body));
  assert.ok(reviewed.body.number, "numbered");
  return reviewed.body;
}

export function outgoing(request_id, overrides = {}) {
  return {
    request_id, urgency: "extra_urgent", signer: "张县长", main_units: [], main_groups: [GROUP.townships], copy_units: [UNIT.housing],
    copy_groups: [], not_classified: true, ...overrides,
  };
}

export async function getDoc(cookie, key) {
  const res = await fetch(`${BASE_URL}/api/documents/${key}`, { headers: { Cookie: cookie } });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

/** Uploads `bytes` as the document's body (or an attachment). */
export async function upload(cookie, key, { kind = "body", bytes = PDF, name = "正文.pdf" } = {}) {
  const form = new FormData();
  form.append("kind", kind);
  form.append("file", new Blob([bytes]), name);
  const res = await fetch(`${BASE_URL}/api/documents/${key}/files`, { method: "POST", headers: { Cookie: cookie }, body: form });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

export const actOn = (cookie, key, version, action) => post(cookie, `/api/documents/${key}/action`, { version, ...action });

/** An action that must succeed: the document as answered. */
export async function step(cookie, key, version, action) {
  const res = await actOn(cookie, key, version, action);
  assert.equal(res.status, 200, `${action.action}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A document registered from a fresh issued request, its body attached, sent: as the office sees it. */
export async function sentDoc(office, overrides = {}) {
  const request = await issuedRequest(office);
  const made = await post(office, "/api/documents", outgoing(request.id, overrides));
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const withBody = await upload(office, made.body.doc_key);
  assert.equal(withBody.status, 201, JSON.stringify(withBody.body));
  return step(office, made.body.doc_key, withBody.body.version, { action: "send" });
}

/** The unit's own copy of a document. */
export async function myCopy(cookie, key) {
  const res = await getDoc(cookie, key);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.body.recipients.length, 1, "a unit sees its own copy only");
  return res.body.recipients[0];
}
