// Administration in the browser: the office renames the county and changes
// a phone, and a phone's guide shows both; a department drafts a change to
// a matter, the office publishes it, a phone's form asks for the new
// material, and an application made before still shows its own version.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL, get } from "../support/http.mjs";
import { assertNoErrors, deskPage, launch, phonePage, screenshot } from "../support/browser.mjs";
import { cookieOf, foodForm, login, requiredFiles, staffGet, submit } from "../support/cases.mjs";
import { act, matterContent, post } from "../support/admin.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("the office renames the county and changes the complaint phone; the public guide shows both", async () => {
  const office = (await cookieOf("office_admin"));
  const original = (await staffGet(office, "/api/admin/settings")).body;
  const desk = await deskPage(browser, "office_admin");
  try {
    await desk.getByRole("link", { name: "县情设置" }).click();
    await desk.getByRole("heading", { level: 1, name: "县情与服务设置" }).waitFor();
    assert.equal(await desk.getByLabel("县名").inputValue(), "示范县");
    await desk.getByLabel("县名").fill("样例县");
    await desk.getByLabel("服务中心名称").fill("样例县政务服务中心");
    await desk.getByLabel("监督投诉电话").fill("0000-7000001");
    await desk.getByRole("button", { name: "保存" }).click();
    await desk.getByTestId("saved").waitFor();
    await screenshot(desk, "admin-settings");

    const phone = await phonePage(browser);
    const matter = (await get("/api/matters")).body.matters[0];
    await phone.goto(`${BASE_URL}/matters/${matter.id}`);
    await phone.getByRole("heading", { level: 1, name: matter.name }).waitFor();
    await phone.getByRole("link", { name: "样例县政务服务中心" }).waitFor();
    const footer = await phone.getByTestId("footer").innerText();
    assert.match(footer, /监督投诉电话：0000-7000001/);
    // The ninth disclosure, the supervision phone, is the county's.
    await phone.getByRole("link", { name: "0000-7000001" }).first().waitFor();
    assert.equal(await phone.locator("footer a[href='tel:0000-7000001']").count(), 1);
    assert.match(await phone.title(), /样例县政务服务中心/);
    assert.doesNotMatch(await phone.content(), /示范县行政审批服务中心/);
    await screenshot(phone, "admin-guide-renamed");
    assertNoErrors(phone);
    await phone.context().close();
    assertNoErrors(desk);
  } finally {
    const now = (await staffGet(office, "/api/admin/settings")).body;
    const restored = await post(office, "/api/admin/settings", { settings: original.settings, version: now.version });
    assert.equal(restored.status, 200, JSON.stringify(restored.body));
    await desk.context().close();
  }
});

test("a department drafts a change, the office publishes it; the form asks for it, an earlier case keeps its version", async () => {
  // Version 1 of a new matter, and an application made under it (set up by the API).
  const head = (await login("scjg_head")).cookie;
  const office = (await cookieOf("office_admin"));
  const code = `B-${Date.now()}`;
  const draft = await post(head, "/api/admin/matter-versions", { matter_id: null, content: matterContent(code) });
  assert.equal(draft.status, 201, JSON.stringify(draft.body));
  const submitted = (await act(head, draft.body.version.id, "submit", draft.body.version.rev)).body.version;
  const published = (await act(office, submitted.id, "publish", submitted.rev)).body.version;
  const matterId = published.matter_id;
  const v1 = (await get(`/api/matters/${matterId}`)).body;
  const earlier = await submit(foodForm(v1, { fields: { site: "人民路3号" } }), requiredFiles(v1));
  assert.equal(earlier.status, 201, JSON.stringify(earlier.body));

  // The department head drafts the change in the staff app: a new name and one more material.
  const desk = await deskPage(browser, "scjg_head");
  await desk.goto(`${BASE_URL}/staff/admin/catalogue`);
  await desk.getByLabel("修改已发布的事项").selectOption(String(matterId));
  await desk.getByRole("button", { name: "起草变更" }).click();
  await desk.getByLabel("1. 事项名称").waitFor();
  assert.equal(await desk.getByLabel("1. 事项名称").inputValue(), v1.name);
  const newName = `${v1.name}（变更）`;
  await desk.getByLabel("1. 事项名称").fill(newName);
  await desk.getByRole("button", { name: "增加材料" }).click();
  await desk.locator("#m-name-2").fill("场所平面示意图");
  await desk.getByRole("button", { name: "保存草稿" }).click();
  await desk.getByTestId("version-state").getByText(/草稿/).waitFor();
  const changes = desk.getByTestId("changes");
  await changes.getByText("材料：场所平面示意图").waitFor();
  await desk.getByRole("button", { name: "提交县府办审核" }).click();
  await desk.getByTestId("version-state").getByText(/待审核/).waitFor();
  assertNoErrors(desk);
  await desk.context().close();

  // The office reviews it and publishes.
  const review = await deskPage(browser, "office_admin");
  await review.goto(`${BASE_URL}/staff/admin/catalogue?state=submitted`);
  await review.getByRole("link", { name: newName }).click();
  await review.getByTestId("changes").getByText("材料：场所平面示意图").waitFor();
  await review.getByRole("button", { name: "审核通过并发布" }).click();
  await review.getByTestId("version-state").getByText(/第2版，已发布/).waitFor();
  await screenshot(review, "admin-version-published");
  assertNoErrors(review);
  await review.context().close();

  // A phone: the form asks for the new material; the earlier case keeps version 1.
  const phone = await phonePage(browser);
  await phone.goto(`${BASE_URL}/apply/${matterId}`);
  await phone.getByText("场所平面示意图").first().waitFor();
  assert.match(await phone.content(), new RegExp(newName.replace(/[()（）]/g, ".")));
  await phone.goto(`${BASE_URL}/track#no=${earlier.body.case_no}&code=${earlier.body.query_code}`);
  await phone.getByText(v1.name, { exact: true }).waitFor();
  assert.equal(await phone.getByText(newName).count(), 0, "the earlier case shows the version it was submitted under");
  await screenshot(phone, "admin-earlier-case");
  assertNoErrors(phone);
  await phone.context().close();
});
