// Administration helpers shared by the API and browser tests: JSON posts
// with a staff cookie, a new matter's content, a step on a matter version.
import { BASE_URL } from "./http.mjs";

export async function post(cookie, path, body) {
  const res = await fetch(BASE_URL + path, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  });
  const type = res.headers.get("content-type") ?? "";
  return { status: res.status, headers: res.headers, body: type.includes("json") ? await res.json() : await res.text() };
}

/** A new matter of department 1, named so that no catalogue search of other tests finds it. */
export function matterContent(code, overrides = {}) {
  return {
    code, name: `测试登记事项${code.slice(-6)}`, department_id: 1, class: "commitment",
    legal_basis: "《示范县测试登记管理办法》第三条", conditions: "在本县依法登记的单位",
    materials: [
      { name: "测试登记申请书", form: "original", copies: 1, required: true, note: "" },
      { name: "单位证明文件", form: "copy", copies: 1, required: true, note: "加盖公章" },
    ],
    procedure: ["申请：网上提交或窗口递交", "受理：材料齐全当场受理", "决定：在承诺时限内作出决定"],
    statutory_days: 20, committed_days: 5, fee: "不收费", fee_basis: "", free: true, result: "登记证明", yellow_days: 2,
    form_fields: [{ key: "site", label: "经营场所", required: true }],
    ...overrides,
  };
}

export const act = (cookie, id, step, rev, note = "") => post(cookie, `/api/admin/matter-versions/${id}/action`, { step, note, rev });

