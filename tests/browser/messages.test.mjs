// The staff's in-app inbox in the browser: the header's unread count, the
// list, opening an item (its page, and the item marked read).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { assertNoErrors, deskPage, launch } from "../support/browser.mjs";
import { submitFood } from "../support/cases.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const unreadOf = (text) => Number(/（(\d+)条未读）/.exec(text)?.[1] ?? 0);

test("a window member sees a new application in the inbox and opens it", async () => {
  const { receipt } = await submitFood();
  const page = await deskPage(browser, "scjg_window", { viewport: { width: 1280, height: 900 } });
  const link = page.getByRole("navigation", { name: "工作台栏目" }).getByRole("link", { name: /^消息/ });
  await page.waitForFunction(() => /条未读/.test(document.querySelector(".staff-nav")?.innerText ?? ""));
  const before = unreadOf(await link.innerText());
  assert.ok(before >= 1);
  await link.click();
  const item = page.getByTestId("messages").getByRole("listitem").filter({ hasText: receipt.case_no });
  await item.waitFor();
  assert.equal(await item.getAttribute("data-read"), "false");
  await item.getByRole("link").click();
  await page.waitForURL(`**/staff/cases/${receipt.case_no}`);
  await page.waitForFunction((n) => /（(\d+)条未读）/.exec(document.querySelector(".staff-nav")?.innerText ?? "")?.[1] == n - 1 || (n === 1 && !/条未读/.test(document.querySelector(".staff-nav")?.innerText ?? "")), before);
  await link.click();
  await page.getByTestId("messages").getByRole("listitem").filter({ hasText: receipt.case_no }).and(page.locator("[data-read=true]")).waitFor();
  assertNoErrors(page);
});
