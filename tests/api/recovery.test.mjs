// Recovering from what went wrong elsewhere: a submission whose Worker died
// between claiming its key and storing its case, and stored deadlines after
// the office changes the calendar.
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BASE_URL } from "../support/http.mjs";
import { acceptedCase, clientIp, cookieOf, foodForm, login, matterByName, requiredFiles, sqlLocal, sqlLocalRows, staffGet, submit } from "../support/cases.mjs";

/** Runs wrangler on the stack's local state (R2 objects, here). */
function wrangler(...args) {
  const state = process.env.STACK_STATE ?? assert.fail("STACK_STATE is not set: run the tests with scripts/test.sh");
  return execFileSync(process.execPath, ["node_modules/wrangler/bin/wrangler.js", ...args, "--local", "--persist-to", state], {
    stdio: "pipe",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
  });
}

const objectExists = (key) => {
  try {
    wrangler("r2", "object", "get", `county-service-files/${key}`, "--pipe");
    return true;
  } catch {
    return false;
  }
};

/** Puts an object in the stack's local R2, as a lost attempt would have left it. */
function plant(key) {
  const dir = mkdtempSync(join(tmpdir(), "r2-"));
  writeFileSync(join(dir, "f"), "orphan");
  wrangler("r2", "object", "put", `county-service-files/${key}`, "--file", join(dir, "f"));
  assert.ok(objectExists(key));
}

/** The request hash the server stored for a real submission of `form` with `files`. */
async function hashOf(matter, form, files) {
  const key = randomUUID();
  const res = await submit(form, files, { key, headers: { "CF-Connecting-IP": clientIp() } });
  assert.equal(res.status, 201);
  return sqlLocalRows(`SELECT request_hash AS h FROM idempotency WHERE key = '${key}'`)[0].h;
}

test("a claim left behind by a dead attempt is taken over after its lease, and its files removed", async () => {
  const matter = await matterByName("食品经营许可（新办）");
  const form = foodForm(matter);
  const files = requiredFiles(matter);
  const hash = await hashOf(matter, form, files);
  // The dead attempt: claimed long ago under case number SP20200101000001,
  // stored a file, and never wrote its case or receipt.
  const key = randomUUID();
  const dead = "SP20200101000001";
  sqlLocal(`INSERT INTO idempotency (key, request_hash, created_at, claimed_at, case_no)
            VALUES ('${key}', '${hash}', '2026-01-01T00:00:00+08:00', 1, '${dead}')`);
  plant(`cases/${dead}/${key}/0`);

  const retry = await submit(form, files, { key, headers: { "CF-Connecting-IP": clientIp() } });
  assert.equal(retry.status, 201, JSON.stringify(retry.body));
  assert.notEqual(retry.body.case_no, dead);
  assert.ok(!objectExists(`cases/${dead}/${key}/0`), "the dead attempt's file is gone");
  const again = await submit(form, files, { key, headers: { "CF-Connecting-IP": clientIp() } });
  assert.deepEqual(again.body, retry.body, "later retries get the one receipt");
  const cases = sqlLocalRows(`SELECT count(*) AS n FROM idempotency WHERE key = '${key}'`);
  assert.equal(cases[0].n, 1);
});

test("a claim still within its lease is reported as in progress, not taken over", async () => {
  const matter = await matterByName("食品经营许可（新办）");
  const form = foodForm(matter);
  const files = requiredFiles(matter);
  const hash = await hashOf(matter, form, files);
  const key = randomUUID();
  const now = Math.floor(Date.now() / 1000);
  sqlLocal(`INSERT INTO idempotency (key, request_hash, created_at, claimed_at, case_no)
            VALUES ('${key}', '${hash}', '2026-01-01T00:00:00+08:00', ${now + 3600}, 'SP20200101000002')`);
  const res = await submit(form, files, { key, headers: { "CF-Connecting-IP": clientIp() } });
  assert.equal(res.status, 409);
  assert.equal(res.body.error.code, "in_progress");
});

test("saving a calendar year moves the stored deadlines it affects, with an audit line", async () => {
  // A case accepted on Monday 2032-12-27 for 10 working days, derived while
  // 2033 was unpublished (Monday to Friday): due Monday 2033-01-10.
  const { receipt, cookie } = await acceptedCase();
  const caseNo = receipt.case_no;
  sqlLocal(`UPDATE case_record SET accepted_on = '2032-12-27', committed_days = 10,
            deadline = '2033-01-10T23:59:59+08:00' WHERE case_no = '${caseNo}'`);
  const office = (await cookieOf("office_admin"));
  const year = { year: 2033, holidays: [{ date: "2033-01-03", name: "元旦" }], workdays: [] };
  const res = await fetch(`${BASE_URL}/api/office/calendar`, {
    method: "POST", headers: { "Content-Type": "application/json", Cookie: office }, body: JSON.stringify(year),
  });
  const progress = await res.json();
  assert.equal(res.status, 200, JSON.stringify(progress));
  assert.equal(progress.done, true);
  assert.ok(progress.moved >= 1);
  const view = (await staffGet(cookie, `/api/staff/cases/${caseNo}`)).body;
  assert.equal(view.deadline, "2033-01-11T23:59:59+08:00", "one more day for the new holiday");
  const last = view.timeline.at(-1);
  assert.equal(last.actor, "系统");
  assert.match(last.note, /2033年1月10日调整为2033年1月11日/);
  const listed = (await staffGet(cookie, `/api/staff/cases?q=${caseNo}`)).body.cases[0];
  assert.equal(listed.deadline, "2033-01-11T23:59:59+08:00", "the inbox reads the moved deadline");
  // Saving the same year again moves nothing.
  const again = await fetch(`${BASE_URL}/api/office/calendar`, {
    method: "POST", headers: { "Content-Type": "application/json", Cookie: office }, body: JSON.stringify(year),
  });
  assert.deepEqual(await again.json(), { moved: 0, done: true });
});

test("the daily job removes the files of a submission abandoned for a day, and its claim", async () => {
  const key = randomUUID();
  const dead = "SP20200101000003";
  sqlLocal(`INSERT INTO idempotency (key, request_hash, created_at, claimed_at, case_no)
            VALUES ('${key}', 'h', '2020-01-01T00:00:00+08:00', 1, '${dead}')`);
  plant(`cases/${dead}/${key}/0`);
  const res = await fetch(`${BASE_URL}/cdn-cgi/handler/scheduled?cron=0+17+*+*+*`);
  assert.equal(res.status, 200);
  assert.ok(!objectExists(`cases/${dead}/${key}/0`), "the abandoned file is gone");
  assert.deepEqual(sqlLocalRows(`SELECT key FROM idempotency WHERE key = '${key}'`), [], "and its claim");
});
