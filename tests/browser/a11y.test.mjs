// Accessibility in the real app. axe-core (WCAG 2.0 and 2.1, A and AA, and
// its best practices) over every page: the applicant's at 360 px on a phone,
// the staff's at 1280 px, forms open and error states shown. Then what axe
// cannot see: the skip link, focus on the new page's heading after a
// client-side navigation (not on first load), and a visible focus ring with
// enough contrast on every control the Tab key reaches.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL } from "../support/http.mjs";
import { deskPage, launch, phonePage } from "../support/browser.mjs";
import { JPEG, acceptedCase, act, clientIp, dispose, login, matterByName, staffGet, submitFood } from "../support/cases.mjs";
import { fillFoodForm } from "../support/photos.mjs";
import { newComplaint } from "../support/complaints.mjs";

const AXE = "node_modules/axe-core/axe.min.js";
// axe is injected into each page as a script of the test's own; the app's
// Content-Security-Policy (which allows no such script) is set aside for it,
// and only in this file's browser contexts.
const AXE_CONTEXT = { bypassCSP: true };
const RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A phone page with an address of its own, so the tracking throttle counts only this file. */
async function phone() {
  const page = await phonePage(browser, AXE_CONTEXT);
  await page.context().setExtraHTTPHeaders({ "CF-Connecting-IP": clientIp() });
  return page;
}

/** Waits until the page has drawn its data: a heading, nothing loading, no request in flight. */
async function settled(page) {
  await page.locator("main h1").first().waitFor();
  await page.waitForLoadState("networkidle");
  // Loaded, and the catalogue's served first screen replaced by the app.
  await page.waitForFunction(() => !document.querySelector(".loading") && !document.getElementById("first-screen"));
}

/** Runs axe on the page as it is (every <details> opened); returns each violation. */
async function axeViolations(page) {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => { d.open = true; }));
  return page.evaluate(async (tags) => {
    const { violations } = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    // Ours: a live region inside another is announced twice, or not at all.
    const live = "[role=alert], [role=status], [aria-live]";
    const nested = [...document.querySelectorAll(live)].filter((e) => e.parentElement?.closest(live));
    if (nested.length) {
      const target = (e) => e.tagName.toLowerCase() + (e.id ? `#${e.id}` : "") + [...e.classList].map((c) => `.${c}`).join("");
      violations.push({
        id: "nested-live-region", impact: "serious", help: "One live region per message: no alert or status inside another", helpUrl: "(issue 9)",
        nodes: nested.map((e) => ({ target: [target(e)], failureSummary: `inside ${target(e.parentElement.closest(live))}: ${e.outerHTML.slice(0, 120)}` })),
      });
    }
    return violations.map((v) => ({
      id: v.id,
      text: `  ${v.id} (${v.impact}): ${v.help}\n    ${v.helpUrl}\n` +
        v.nodes.map((n) => `    - ${n.target.join(" ")}\n      ${n.failureSummary?.replace(/\n/g, "\n      ")}`).join("\n"),
    }));
  }, RULES);
}

/** Audits page after page, then fails once with every violation found. */
function auditor() {
  const found = [];
  return {
    async audit(page, name) {
      for (const v of await axeViolations(page)) found.push(`${name} (${page.url()}):\n${v.text}`);
    },
    check() {
      assert.equal(found.length, 0, `${found.length} axe violation(s):\n${found.join("\n")}`);
    },
  };
}

async function visit(page, path) {
  await page.goto(BASE_URL + path);
  await settled(page);
}

/** Every kind of applicant page a phone shows, with the cases they need. */
test("applicant pages at 360 px have no axe violations", async () => {
  const { audit, check } = auditor();
  const food = await matterByName("食品经营许可（新办）");
  const fresh = (await submitFood()).receipt;
  const accepted = (await acceptedCase()).receipt;
  const completed = await acceptedCase();
  assert.equal((await act(completed.cookie, completed.receipt.case_no, { version: completed.view.version, action: "complete", result: "准予许可" })).status, 200);
  const supplement = (await submitFood()).receipt;
  const { cookie } = await login("scjg_window");
  const version = (await staffGet(cookie, `/api/staff/cases/${supplement.case_no}`)).body.version;
  assert.equal((await dispose(cookie, supplement.case_no, { version, class: "supplement", items: ["营业执照副本复印件不清晰，请重新拍照"] })).status, 200);
  const track = (r) => `/track#no=${r.case_no}&code=${r.query_code}`;

  const page = await phone();
  for (const [name, path] of [
    ["catalogue", "/"],
    ["catalogue, searched", "/?q=%E9%A3%9F%E5%93%81"],
    ["catalogue, nothing found", "/?q=%E4%B8%8D%E5%AD%98%E5%9C%A8"],
    ["matter guide", `/matters/${food.id}`],
    ["application form", `/apply/${food.id}`],
    ["tracking", "/track"],
    ["receipt", `${track(fresh)}&new=1`],
    ["tracked case, accepted", track(accepted)],
    ["tracked case, supplement due", track(supplement)],
    ["tracked case, completed (rating form)", track(completed.receipt)],
    ["complaint form (效能投诉)", "/complaints"],
    ["complaint tracking", "/complaints/track"],
    ["unknown page", "/no/such/page"],
  ]) {
    await visit(page, path);
    await audit(page, name);
  }

  // The form with its errors shown.
  await visit(page, `/apply/${food.id}`);
  await page.getByRole("button", { name: "提交申请" }).click();
  await page.locator("[role=alert] .error").waitFor();
  await audit(page, "application form with errors");

  // The form sent offline: its files' progress bars and the notice that it
  // waits for the connection.
  await fillFoodForm(page, food, "示范县无障碍餐饮有限公司");
  for (const m of food.materials.filter((x) => x.required)) {
    await page.locator(`#material-${m.id}`).setInputFiles({ name: "photo.jpg", mimeType: "image/jpeg", buffer: JPEG });
    await page.locator(`#material-${m.id}`).locator("xpath=..").locator("ul.chosen li").waitFor();
  }
  await page.context().setOffline(true);
  await page.getByRole("button", { name: "提交申请" }).click();
  await page.getByText(/申请已保存在本机/).waitFor();
  await page.getByRole("progressbar").first().waitFor();
  await audit(page, "application form sent offline (upload progress)");
  await page.context().setOffline(false);
  await page.getByTestId("receipt").waitFor();

  // An unknown matter: an error in place of the guide.
  await page.goto(`${BASE_URL}/matters/999999`);
  await page.getByRole("alert").getByText("该事项不存在或已下线").waitFor();
  await audit(page, "unknown matter");
  await page.context().close();
  check();
});

/** The offline notice (frontend/pwa/pwa.js) shown: on a guide as the network goes, on the catalogue opened offline. */
test("applicant pages offline, with their notice, have no axe violations", async () => {
  const { audit, check } = auditor();
  const food = await matterByName("食品经营许可（新办）");
  const page = await phone();
  await visit(page, `/matters/${food.id}`);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  await page.waitForFunction(async () => Boolean(await caches.match("/")));
  await page.context().setOffline(true);
  const notice = page.locator(".offline").filter({ hasText: "当前处于离线状态" });
  await notice.waitFor();
  await audit(page, "guide, gone offline");
  await visit(page, "/");
  await notice.filter({ hasText: "保存的内容" }).waitFor();
  await audit(page, "catalogue opened offline");
  await page.context().close();
  check();
});

/** Every staff page (frontend/staff/src/route.rs) at desktop width, as the office and as window staff. */
test("staff pages at 1280 px have no axe violations", async () => {
  const { audit, check } = auditor();
  const submitted = (await submitFood()).receipt;
  const accepted = (await acceptedCase()).receipt;
  // A completed case with a negative review for the office to verify.
  const rated = await acceptedCase();
  assert.equal((await act(rated.cookie, rated.receipt.case_no, { version: rated.view.version, action: "complete", result: "准予许可" })).status, 200);
  const rating = await fetch(`${BASE_URL}/api/track/${rated.receipt.case_no}/evaluation`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": clientIp() },
    body: JSON.stringify({ code: rated.receipt.query_code, level: "very_dissatisfied", comment: "窗口要求反复提交同一份材料" }),
  });
  assert.equal(rating.status, 200, await rating.text());
  const year = new Date(Date.now() + 8 * 3600e3).getUTCFullYear();
  const complaint = await newComplaint();

  const signedOut = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN", ...AXE_CONTEXT })).newPage();
  await visit(signedOut, "/staff/login");
  await audit(signedOut, "sign-in");
  await signedOut.context().close();

  const office = await deskPage(browser, "office_admin", AXE_CONTEXT);
  for (const [name, path] of [
    ["inbox", "/staff"],
    ["inbox, filtered", "/staff?state=submitted"],
    ["case with a review to verify", `/staff/cases/${rated.receipt.case_no}`],
    ["commitment notice", `/staff/cases/${accepted.case_no}/notice`],
    ["overview (时限监察)", "/staff/overview"],
    ["statistics (运行统计)", "/staff/statistics"],
    ["reviews (差评整改)", "/staff/reviews"],
    ["dashboard (会议文件统计)", "/staff/dashboard"],
    ["dashboard, last year", `/staff/dashboard?year=${year - 1}`],
    ["meetings (会议登记)", "/staff/meetings"],
    ["documents pending (发文申请)", "/staff/documents?state=pending"],
    ["documents issued", `/staff/documents?year=${year}`],
    ["quotas (指标与计划)", "/staff/quotas"],
    ["calendar (节假日安排)", "/staff/calendar"],
    ["settings (县情设置)", "/staff/admin/settings"],
    ["units (部门与单位)", "/staff/admin/units"],
    ["accounts (账号管理)", "/staff/admin/accounts"],
    ["two-step verification (两步验证)", "/staff/second-factor"],
    ["catalogue (事项目录)", "/staff/admin/catalogue?state=published"],
    ["notices (短信通知)", "/staff/admin/notices"],
    ["messages (站内消息)", "/staff/messages"],
    ["a published version", "/staff/admin/catalogue/1"],
    ["a new draft", "/staff/admin/catalogue/new"],
    ["complaints (效能投诉)", "/staff/complaints"],
    ["a complaint awaiting its decision", `/staff/complaints/${complaint.complaint_no}`],
    ["complaint entry (投诉登记)", "/staff/complaints/new"],
    ["complaint figures (投诉统计)", "/staff/complaints/figures"],
    ["password (修改密码)", "/staff/password"],
    ["supervision tasks (督查督办)", "/staff/supervision"],
    ["supervision items (督查事项)", "/staff/supervision/items"],
    ["registering an item", "/staff/supervision/new"],
    ["an item with its tasks and the decomposition form", "/staff/supervision/items/DC2026-0010"],
    ["slips", "/staff/supervision/slips"],
    ["a slip", "/staff/supervision/slips/1"],
    ["supervision dashboard (督查统计)", "/staff/supervision/dashboard"],
    ["publications and limits", "/staff/supervision/publications"],
    ["unknown page", "/staff/no/such/page"],
  ]) {
    await visit(office, path);
    await audit(office, `office: ${name}`);
  }
  await office.context().close();

  const clerk = await deskPage(browser, "scjg_window", AXE_CONTEXT);
  for (const [name, path] of [
    ["inbox", "/staff"],
    ["case to dispose of", `/staff/cases/${submitted.case_no}`],
    ["case in progress (actions)", `/staff/cases/${accepted.case_no}`],
    ["meetings", "/staff/meetings"],
    ["documents pending", "/staff/documents?state=pending"],
    ["quotas", "/staff/quotas"],
    ["calendar", "/staff/calendar"],
    ["supervision inbox", "/staff/supervision"],
    ["a supervision task to report on (actions)", "/staff/supervision/items/DC2026-0010"],
  ]) {
    await visit(clerk, path);
    await audit(clerk, `window staff: ${name}`);
  }
  // A refused disposition shows its error.
  await visit(clerk, `/staff/cases/${submitted.case_no}`);
  await clerk.getByLabel(/退回件/).check();
  await clerk.getByRole("button", { name: "确认处理" }).click();
  await clerk.locator("[role=alert] .error").waitFor();
  await audit(clerk, "window staff: disposition refused");
  await clerk.context().close();
  check();
});

/** What has the focus: tag, id, text, and whether it is the skip link. */
function focused(page) {
  return page.evaluate(() => {
    const e = document.activeElement;
    return { tag: e?.tagName.toLowerCase(), id: e?.id ?? "", text: e?.textContent.trim().slice(0, 40) ?? "" };
  });
}

test("a skip link comes first in each app, shows when focused and takes the focus to the main content", async () => {
  const desk = async () => (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN", ...AXE_CONTEXT })).newPage();
  for (const [app, path, open, next] of [
    ["catalogue", "/", phone, "q"],
    // The form's first control after the main content's start is the link back to the guide.
    ["apply", `/apply/${(await matterByName("食品经营许可（新办）")).id}`, phone, ""],
    ["track", "/track", phone, "no"],
    ["staff", "/staff/login", desk, "username"],
  ]) {
    const page = await open();
    await visit(page, path);
    const skip = page.getByRole("link", { name: "跳到主要内容" });
    const box = await skip.boundingBox();
    assert.ok(!box || box.y + box.height <= 0, `${app}: the skip link is out of sight until focused`);
    await page.keyboard.press("Tab");
    assert.deepEqual(await focused(page), { tag: "a", id: "", text: "跳到主要内容" }, `${app}: Tab reaches the skip link first`);
    const shown = await skip.boundingBox();
    assert.ok(shown && shown.y >= 0 && shown.height > 0, `${app}: the focused skip link is on screen`);
    const url = page.url();
    await page.keyboard.press("Enter");
    assert.equal((await focused(page)).tag, "main", `${app}: the focus moved to main`);
    assert.equal(page.url(), url, `${app}: the URL is unchanged`);
    await page.keyboard.press("Tab");
    assert.equal((await focused(page)).id, next, `${app}: Tab goes on from the main content`);
    await page.context().close();
  }
});

test("after a client-side navigation the focus is on the new page's heading, not on first load", async () => {
  const food = await matterByName("食品经营许可（新办）");
  const page = await phone();
  await visit(page, "/");
  assert.equal((await focused(page)).tag, "body", "first load leaves the focus alone");

  await page.getByRole("link", { name: /食品经营许可（新办）/ }).click();
  await page.getByRole("heading", { level: 1, name: "食品经营许可（新办）" }).waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === "H1");
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("tabindex")), "-1", "the heading is focusable by script only");
  assert.equal((await focused(page)).text, food.name);

  await page.goBack();
  await page.waitForFunction(() => document.activeElement?.tagName === "H1" && document.activeElement.textContent === "办事指南");

  // A search redraws the page in place: the focus stays in the search box.
  await page.getByLabel("搜索事项").fill("食品");
  await page.getByLabel("搜索事项").press("Enter");
  await page.getByText("共 2 项").waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "q");
  await page.context().close();

  // Nor does a redirect on first load (the app's, to sign-in: the inbox is
  // the sign-in's app, which the Worker does not redirect).
  const signedOut = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN", ...AXE_CONTEXT })).newPage();
  await signedOut.goto(`${BASE_URL}/staff`);
  await signedOut.waitForURL(/\/staff\/login$/);
  await settled(signedOut);
  assert.equal((await focused(signedOut)).tag, "body", "a redirect on first load leaves the focus alone");
  await signedOut.context().close();

  // The staff apps are one per area (shared/src/staff_app.rs): a link to
  // another area is a page load, which leaves the focus alone; within an
  // area the focus goes to the new page's heading.
  const desk = await deskPage(browser, "office_admin", AXE_CONTEXT);
  await settled(desk);
  await desk.getByRole("link", { name: "会议登记" }).click();
  await desk.getByRole("heading", { level: 1, name: /^会议登记/ }).waitFor();
  await settled(desk);
  await desk.getByRole("link", { name: "会议文件统计" }).click();
  await desk.waitForFunction(() => document.activeElement?.tagName === "H1" && document.activeElement.textContent === "精简会议文件统计");
  await desk.getByRole("link", { name: "时限监察" }).click();
  await desk.getByRole("heading", { level: 1, name: "时限监察" }).waitFor();
  await settled(desk);
  await desk.getByRole("link", { name: "差评整改", exact: true }).click();
  await desk.waitForFunction(() => document.activeElement?.tagName === "H1" && document.activeElement.textContent === "差评核实与整改");
  await desk.context().close();
});

/**
 * Presses Tab through the whole page and returns, for each stop, the element
 * and its focus ring: outline style and width, and the contrast of the
 * outline's colour with the colour just outside the element.
 */
async function tabStops(page, max = 120) {
  const stops = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const stop = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      const rgb = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r, g, b]) => {
        const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const background = (el) => {
        for (; el; el = el.parentElement) {
          const c = rgb(getComputedStyle(el).backgroundColor);
          if (c.length === 3 || c[3] > 0) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const r = e.getBoundingClientRect();
      const x = r.left >= 2 ? r.left - 1 : r.right + 1;
      const beside = document.elementsFromPoint(x, r.top + r.height / 2).find((el) => !e.contains(el));
      const s = getComputedStyle(e);
      const [a, b] = [lum(rgb(s.outlineColor)), lum(background(beside ?? e.parentElement))];
      return {
        what: `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""} “${e.textContent.trim().slice(0, 16)}”`,
        tag: e.tagName.toLowerCase(),
        style: s.outlineStyle,
        width: parseFloat(s.outlineWidth),
        contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
        key: e.outerHTML.slice(0, 80) + r.top,
      };
    });
    if (!stop || stops.some((s) => s.key === stop.key)) break;
    stops.push(stop);
  }
  return stops;
}

function assertRings(stops, where) {
  for (const s of stops) {
    assert.ok(s.style !== "none" && s.width >= 2, `${where}: ${s.what} has no visible focus ring (${s.style} ${s.width}px)`);
    assert.ok(s.contrast >= 3, `${where}: ${s.what} focus ring contrast ${s.contrast.toFixed(2)}:1 < 3:1`);
  }
}

test("every control the Tab key reaches shows a focus ring of 3:1 or more, textarea and summary included", async () => {
  const completed = await acceptedCase();
  assert.equal((await act(completed.cookie, completed.receipt.case_no, { version: completed.view.version, action: "complete", result: "准予许可" })).status, 200);
  const page = await phone();
  await visit(page, `/track#no=${completed.receipt.case_no}&code=${completed.receipt.query_code}`);
  const applicant = await tabStops(page);
  assertRings(applicant, "tracking with the rating form");
  await page.context().close();

  const desk = await deskPage(browser, "office_admin", AXE_CONTEXT);
  const staff = [];
  for (const path of ["/staff/meetings", "/staff/calendar"]) {
    await visit(desk, path);
    if (path === "/staff/meetings") await desk.evaluate(() => document.querySelector("details").open = true);
    const stops = await tabStops(desk);
    assertRings(stops, path);
    staff.push(...stops);
  }
  await desk.context().close();
  const tags = new Set([...applicant, ...staff].map((s) => s.tag));
  for (const tag of ["a", "button", "input", "select", "textarea", "summary"]) {
    assert.ok(tags.has(tag), `the walk reached a ${tag} (reached: ${[...tags].join(", ")})`);
  }
});
