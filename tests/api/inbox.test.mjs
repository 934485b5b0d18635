// The staff's in-app inbox: a new application, a dispatched ticket and a
// document to sign for reach every member of the unit concerned (and no
// one else), with the unread count, a link to the item and a read mark.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { BASE_URL, rowsRead } from "../support/http.mjs";
import { staffGet, submitFood } from "../support/cases.mjs";
import { as, dispatchedTicket, sentDocument, signIn } from "../support/objects.mjs";

before(async () => {
  for (const u of ["scjg_window", "scjg_head", "ga_window", "zj_window", "office_admin"]) await signIn(u);
});

const inbox = async (user) => {
  const res = await staffGet(as(user), "/api/staff/inbox");
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
};
const read = (user, id) => fetch(`${BASE_URL}/api/staff/inbox/${id}/read`, { method: "POST", headers: { Cookie: as(user) } });

test("a new application reaches every member of its department, unread, linking to the case", async () => {
  const [windowBefore, headBefore, otherBefore] = [await inbox("scjg_window"), await inbox("scjg_head"), await inbox("ga_window")];
  const { receipt } = await submitFood();
  const link = `/staff/cases/${receipt.case_no}`;
  for (const [user, earlier] of [["scjg_window", windowBefore], ["scjg_head", headBefore]]) {
    const now = await inbox(user);
    const item = now.items.find((i) => i.link === link) ?? assert.fail(`${user} has no item for ${receipt.case_no}`);
    assert.deepEqual([item.kind, item.read], ["new_case", false]);
    assert.match(item.title, new RegExp(`新申请 ${receipt.case_no}：食品经营许可`));
    assert.equal(now.unread, earlier.unread + 1);
  }
  assert.ok(!(await inbox("ga_window")).items.some((i) => i.link === link), "another department hears nothing");
  assert.equal((await inbox("ga_window")).unread, otherBefore.unread);

  // Read by the window: its count drops, the head's does not; reading twice changes nothing.
  const item = (await inbox("scjg_window")).items.find((i) => i.link === link);
  const res = await read("scjg_window", item.id);
  assert.equal(res.status, 200);
  const after = await res.json();
  assert.equal(after.unread, windowBefore.unread);
  assert.equal(after.items.find((i) => i.id === item.id).read, true);
  assert.equal((await (await read("scjg_window", item.id)).json()).unread, windowBefore.unread);
  assert.equal((await inbox("scjg_head")).unread, headBefore.unread + 1);
  // Another unit's member cannot mark it: not theirs.
  assert.equal((await read("ga_window", item.id)).status, 404);
  assert.equal((await read("scjg_window", "abc")).status, 404);
});

test("a dispatched ticket and a document to sign for reach the unit", async () => {
  const ticket = await dispatchedTicket();
  const doc = await sentDocument();
  const items = (await inbox("zj_window")).items;
  const t = items.find((i) => i.link === `/staff/hotline/tickets/${ticket.ticket_no}`) ?? assert.fail("no dispatch item");
  assert.equal(t.kind, "dispatch");
  const d = items.find((i) => i.link === `/staff/transmit/${doc.doc_key}`) ?? assert.fail("no document item");
  assert.equal(d.kind, "document");
  assert.match(d.title, /^待签收公文：/);
  // The office sent them: nothing for it.
  assert.ok(!(await inbox("office_admin")).items.some((i) => i.id === t.id || i.id === d.id));
});

test("the inbox reads the same rows however much is unread: a kept count and one page", async () => {
  const res = await staffGet(as("scjg_window"), "/api/staff/inbox");
  const before = { rows: rowsRead(res), unread: res.body.unread };
  // Ten more unread items for the department's members.
  for (let i = 0; i < 10; i++) await submitFood();
  const again = await staffGet(as("scjg_window"), "/api/staff/inbox");
  assert.equal(again.body.unread, before.unread + 10);
  assert.equal(rowsRead(again), before.rows, "rows read stay flat as unread items grow");
  // The session check, the count's row and at most a page of entries with their items.
  assert.ok(rowsRead(again) <= 110, `rows read ${rowsRead(again)}`);
});
