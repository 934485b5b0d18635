// Hotline helpers for the API and browser tests: a caller's web message,
// the caller's look-up, the office's dispositions and the units' actions,
// all over HTTP.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { BASE_URL, postPublic } from "./http.mjs";
import { clientIp, cookieOf } from "./cases.mjs";
import { post } from "./admin.mjs";

/** Categories of the demo catalogue (xtask/src/hotline_demo.rs). */
export const CATEGORY = { noise: 1, water: 2, village: 9 };
/** Units of the demo county: 住建局 (4), 生态环境分局 (9), 城关镇 (12), 河口镇 (13). */
export const UNIT = { housing: 4, environment: 9, chengguan: 12, hekou: 13 };

export function callerForm(overrides = {}) {
  return {
    kind: "complaint",
    caller_name: "王先生",
    caller_phone: "13912345678",
    address: "城关镇解放路12号",
    occurred: "11月25日晚上",
    cause: "小区停水未提前通知",
    course: "解放路小区从昨晚起停水，没有任何通知，请尽快恢复供水并说明原因。",
    confidential: false,
    ...overrides,
  };
}

/** A caller's web message: POST /api/hotline/tickets with an Idempotency-Key. */
export async function submitTicket(form = callerForm(), { key = randomUUID(), ip = clientIp() } = {}) {
  return postPublic("/api/hotline/tickets", form, { key, ip });
}

/** A fresh ticket, as the caller gets it. */
export async function newTicket(overrides = {}) {
  const res = await submitTicket(callerForm(overrides));
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

/** The caller's look-up, the code in the body. */
export async function trackTicket(no, code, ip = clientIp()) {
  return postPublic(`/api/hotline/track/${no}`, { code }, { ip });
}

export { cookieOf };

export async function ticket(cookie, no) {
  const res = await fetch(`${BASE_URL}/api/hotline/tickets/${no}`, { headers: { Cookie: cookie } });
  return { status: res.status, body: await res.json() };
}

export const disposeTicket = (cookie, no, version, disposition) =>
  post(cookie, `/api/hotline/tickets/${no}/disposition`, { version, ...disposition });

export const actOn = (cookie, no, version, action) => post(cookie, `/api/hotline/tickets/${no}/action`, { version, ...action });

/** The office dispatches a fresh ticket; answers its staff view. */
export async function dispatched({ category = CATEGORY.water, lead = UNIT.housing, assists = [], urgency = "normal", form = {} } = {}) {
  const receipt = await newTicket(form);
  const office = await cookieOf("office_admin");
  const before = (await ticket(office, receipt.ticket_no)).body;
  const res = await disposeTicket(office, receipt.ticket_no, before.version, {
    disposition: "dispatch",
    category_id: category,
    urgency,
    lead_unit_id: lead,
    assist_unit_ids: assists,
    instruction: "请核实处理",
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return { receipt, office, view: res.body };
}
