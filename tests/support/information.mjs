// Information helpers for the API and browser tests: a unit submits an
// item, the office opens an issue and acts on items, all over HTTP.
import assert from "node:assert/strict";
import { staffGet } from "./cases.mjs";
import { post } from "./admin.mjs";
import { cookieOf } from "./hotline.mjs";

/** Units of the demo county: 住建局 (4), 城关镇 (12), 河口镇 (13). */
export const UNIT = { housing: 4, chengguan: 12, hekou: 13 };

export function infoForm(overrides = {}) {
  return {
    title: `城关镇推行“网格+信息”工作法 ${Date.now() % 100000}`,
    body: "城关镇将全镇划分为36个网格，网格员每日走访，问题当日上报、当日交办。",
    category: "experience",
    writer: "王芳",
    writer_phone: "0571-88881234",
    signed_off_by: "",
    shares: [],
    ...overrides,
  };
}

export const item = (cookie, no) => staffGet(cookie, `/api/information/items/${no}`);
export const act = (cookie, no, version, action) => post(cookie, `/api/information/items/${no}/action`, { version, ...action });

/** `username`'s unit submits an item; answers its view and the cookie. */
export async function submitted(username = "cgz_head", overrides = {}) {
  const cookie = await cookieOf(username);
  const res = await post(cookie, "/api/information/items", infoForm(overrides));
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return { cookie, view: res.body };
}

/** The office opens an issue of `kind` this year; answers it. */
export async function issue(kind = "bulletin", title = "本期要目") {
  const office = await cookieOf("office_admin");
  const today = new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10);
  const res = await post(office, "/api/information/issues", { kind, title, published_on: today });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

/** The office adopts `view` into `issueId`; answers the new view. */
export async function adopted(view, issueId) {
  const office = await cookieOf("office_admin");
  const res = await act(office, view.item_no, view.version, { action: "adopt", issue_id: issueId });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

/** A unit's points (hundredths) in this year's league table. */
export async function pointsOf(unitId) {
  const office = await cookieOf("office_admin");
  const league = (await staffGet(office, "/api/information/league")).body;
  return league.rows.find((r) => r.unit_id === unitId)?.points ?? 0;
}
