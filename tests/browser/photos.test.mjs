// The form's photos on a phone (issue 14): a camera photo is scaled before
// it goes up and a small one goes unchanged, each file shows its progress,
// the chosen files survive a reload (IndexedDB), and a submission made
// offline is kept and sent once the phone is back online, making one case.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL } from "../support/http.mjs";
import { assertNoErrors, launch, phonePage } from "../support/browser.mjs";
import { casesNamed, cookieOf, matterByName, sqlLocalRows, staffGet } from "../support/cases.mjs";
import { cameraPhoto, fillFoodForm, jpegSize } from "../support/photos.mjs";

let browser, matter, required, big, scan, small;
before(async () => {
  browser = await launch();
  matter = await matterByName("食品经营许可（新办）");
  required = matter.materials.filter((m) => m.required);
  assert.ok(required.length >= 3, "the food licence asks for three materials at least");
  big = await cameraPhoto(browser, { seed: 7 });
  small = await cameraPhoto(browser, { width: 640, height: 480, seed: 8 });
  scan = await cameraPhoto(browser, { width: 2400, height: 1600, seed: 9, grain: 2, type: "image/png" });
  assert.ok(big.length > 3e6 && big.length < 8e6, `a camera photo's weight (${big.length})`);
});
after(async () => { await browser?.close(); });

/** Chooses `name` (a JPEG, or `mimeType`) for material `m` and waits until it is ready to go. */
async function choose(phone, m, name, buffer, mimeType = "image/jpeg") {
  await phone.locator(`#material-${m.id}`).setInputFiles({ name, mimeType, buffer });
  await phone.locator(`#material-${m.id}`).locator("xpath=..").locator("ul.chosen li").first().waitFor();
  await phone.getByRole("button", { name: "提交申请" }).waitFor();
}

/** The receipt's case number, once the submission has gone through. */
async function receiptCaseNo(phone) {
  await phone.getByTestId("receipt").waitFor();
  return (await phone.getByTestId("case-no").innerText()).trim();
}

function storedFiles(caseNo) {
  return sqlLocalRows(
    `SELECT f.id, f.file_name, f.content_type, f.size FROM case_file f JOIN case_record c ON c.id = f.case_id
     WHERE c.case_no = '${caseNo}' ORDER BY f.id`,
  );
}

/** How many files IndexedDB keeps for this matter's draft (the page's own store). */
function keptFiles(phone) {
  return phone.evaluate((matterId) => new Promise((resolve, reject) => {
    const open = indexedDB.open("apply-drafts", 1);
    open.onupgradeneeded = () => open.result.createObjectStore("files");
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const get = open.result.transaction("files").objectStore("files").get(matterId);
      get.onsuccess = () => { resolve((get.result ?? []).length); open.result.close(); };
      get.onerror = () => reject(get.error);
    };
  }), matter.id);
}

test("a camera photo and a large PNG go up scaled as JPEGs, a small one unchanged, each with its progress shown", async () => {
  const name = `示范县照片餐饮有限公司-${Date.now()}`;
  const phone = await phonePage(browser);
  // Every progress bar that reaches its end, seen as the page changes (the
  // receipt replaces the form as soon as the answer comes).
  const full = new Set();
  await phone.exposeFunction("progressFull", (label) => full.add(label));
  await phone.addInitScript(() => {
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll("progress")) {
        if (bar.max > 0 && bar.value >= bar.max) window.progressFull(document.querySelector(`label[for="${bar.id}"]`)?.textContent ?? "");
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  await fillFoodForm(phone, matter, name);
  await choose(phone, required[0], "营业执照.jpg", big);
  await choose(phone, required[1], "平面图.png", scan, "image/png");
  for (const [i, m] of required.slice(2).entries()) await choose(phone, m, `small-${i}.jpg`, small);
  // The list shows the scaled photo's weight, not the camera's.
  const listed = await phone.locator(`#material-${required[0].id}`).locator("xpath=..").locator("ul.chosen li").innerText();
  assert.match(listed, /^营业执照\.jpg（/);
  const [, amount, unit] = listed.match(/（([\d.]+)(KB|MB)）$/) ?? assert.fail(listed);
  assert.ok(amount * (unit === "MB" ? 1048576 : 1024) < big.length / 2, `listed as scaled: ${listed}`);
  await phone.getByRole("button", { name: "提交申请" }).click();
  const caseNo = await receiptCaseNo(phone);

  const names = ["营业执照.jpg", "平面图.jpg", ...required.slice(2).map((_, i) => `small-${i}.jpg`)];
  assert.deepEqual([...full].map((l) => l.replace(/ \d+%$/, "")).sort(), [...names].sort(), "every file's progress reached its end");
  const [photo, scanned, smallOne] = storedFiles(caseNo);
  assert.equal(photo.file_name, "营业执照.jpg");
  assert.equal(photo.content_type, "image/jpeg");
  assert.ok(photo.size < big.length / 2, `scaled: ${photo.size} of ${big.length} bytes`);
  const cookie = await cookieOf("scjg_window");
  const stored = (await staffGet(cookie, `/api/staff/files/${photo.id}`)).body;
  assert.equal(stored.length, photo.size);
  assert.deepEqual(jpegSize(stored), { width: 2000, height: 1500 });
  // A PNG scan goes as a JPEG, named so.
  assert.deepEqual([scanned.file_name, scanned.content_type], ["平面图.jpg", "image/jpeg"]);
  assert.ok(scanned.size < scan.length, `scaled: ${scanned.size} of ${scan.length} bytes`);
  assert.deepEqual(jpegSize((await staffGet(cookie, `/api/staff/files/${scanned.id}`)).body), { width: 2000, height: 1333 });
  assert.equal(smallOne.file_name, "small-0.jpg");
  assert.equal(smallOne.size, small.length, "a small photo goes up unchanged");
  assert.ok((await staffGet(cookie, `/api/staff/files/${smallOne.id}`)).body.equals(small));
  assert.equal(await keptFiles(phone), 0, "the draft's files go with the draft");
  assertNoErrors(phone);
  await phone.context().close();
});

test("the chosen photos survive a reload and go up with the form", async () => {
  const name = `示范县重载餐饮有限公司-${Date.now()}`;
  const phone = await phonePage(browser);
  await fillFoodForm(phone, matter, name);
  const chosen = required.map((m, i) => [m, `material-${i}.jpg`]);
  for (const [m, file] of chosen) await choose(phone, m, file, small);
  // Written in the background as they are chosen: wait until all are kept.
  for (let kept = 0; kept < chosen.length; kept = await keptFiles(phone));
  await phone.reload();
  await phone.getByText("已恢复您上次填写的内容和所选文件。").waitFor();
  for (const [m, file] of chosen) {
    const slot = phone.locator(`#material-${m.id}`);
    await slot.locator("xpath=..").locator("ul.chosen li").getByText(file).waitFor();
    assert.equal(await slot.evaluate((input) => input.files.length), 1, "the input holds the kept file");
  }
  await phone.getByRole("button", { name: "提交申请" }).click();
  const caseNo = await receiptCaseNo(phone);
  assert.deepEqual(storedFiles(caseNo).map((f) => [f.file_name, f.size]), chosen.map(([, file]) => [file, small.length]));
  assertNoErrors(phone);
  await phone.context().close();
});

test("a photo chosen again while the first is still being scaled is the one kept", async () => {
  const phone = await phonePage(browser);
  await phone.goto(`${BASE_URL}/apply/${matter.id}`);
  const input = phone.locator(`#material-${required[0].id}`);
  // The camera photo takes a while to scale; the small one, chosen at once after it, none.
  await input.setInputFiles({ name: "first.jpg", mimeType: "image/jpeg", buffer: big });
  await input.setInputFiles({ name: "second.jpg", mimeType: "image/jpeg", buffer: small });
  // Ready to send once both are done.
  await phone.getByRole("button", { name: "提交申请" }).waitFor();
  const listed = input.locator("xpath=..").locator("ul.chosen li");
  assert.deepEqual((await listed.allInnerTexts()).map((t) => t.replace(/（.*$/, "")), ["second.jpg"]);
  assert.equal(await input.evaluate((i) => i.files[0]?.name), "second.jpg");
  for (let kept = 0; kept < 1; kept = await keptFiles(phone));
  await phone.reload();
  await phone.getByText("已恢复您上次填写的内容和所选文件。").waitFor();
  assert.deepEqual((await listed.allInnerTexts()).map((t) => t.replace(/（.*$/, "")), ["second.jpg"], "the kept one");
  assertNoErrors(phone);
  await phone.context().close();
});

test("a submission made offline is kept, says so, and is sent once when back online", async () => {
  const name = `示范县离线餐饮有限公司-${Date.now()}`;
  const phone = await phonePage(browser);
  await fillFoodForm(phone, matter, name);
  for (const m of required) await choose(phone, m, "photo.jpg", small);
  await phone.context().setOffline(true);
  await phone.getByRole("button", { name: "提交申请" }).click();
  await phone.getByRole("status").getByText(/申请已保存在本机，网络恢复后将自动提交/).waitFor();
  assert.equal(casesNamed(name), 0);
  await phone.context().setOffline(false);
  await receiptCaseNo(phone);
  assert.equal(casesNamed(name), 1, "exactly one case");
  assertNoErrors(phone);
  await phone.context().close();
});

test("a submission the server stored but whose answer was lost is sent again by itself and names the same case", async () => {
  const name = `示范县断线餐饮有限公司-${Date.now()}`;
  const phone = await phonePage(browser);
  await fillFoodForm(phone, matter, name);
  for (const m of required) await choose(phone, m, "photo.jpg", small);
  // The first POST reaches the server, which stores the case; its answer is
  // lost on the way back, while the browser still thinks it is online (no
  // `online` event will come): the form tries again by itself, with the
  // same Idempotency-Key, and the server answers with the stored case.
  const keys = [];
  await phone.route("**/api/applications", async (route) => {
    keys.push(route.request().headers()["idempotency-key"]);
    if (keys.length > 1) return route.continue();
    await route.fetch();
    await route.abort("internetdisconnected");
  });
  await phone.getByRole("button", { name: "提交申请" }).click();
  await phone.getByRole("status").getByText(/申请已保存在本机，网络恢复后将自动提交/).waitFor();
  assert.equal(await phone.locator("fieldset.plain").evaluate((f) => f.disabled), true, "the form is locked while it waits");
  await receiptCaseNo(phone);
  assert.equal(keys.length, 2);
  assert.equal(keys[0], keys[1], "the same Idempotency-Key");
  assert.equal(casesNamed(name), 1, "exactly one case");
  assertNoErrors(phone);
  await phone.context().close();
});
