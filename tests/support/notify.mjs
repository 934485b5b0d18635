// Helpers for the notification tests: read the outbox and the log
// provider's store in the stack's local D1, and wait for the notifier
// Worker (a second Worker consuming the queue) to finish with a message.
import assert from "node:assert/strict";
import { sqlLocalRows, submitFood } from "./cases.mjs";
import { BASE_URL } from "./http.mjs";

const quote = (s) => `'${String(s).replaceAll("'", "''")}'`;

/** A query code as the log provider keeps it: its last two digits only. */
export const maskedCode = (code) => "*".repeat(code.length - 2) + code.slice(-2);

/** The outbox rows of a case, oldest first. */
export function outboxOf(caseNo) {
  return sqlLocalRows(`SELECT * FROM notice_outbox WHERE case_no = ${quote(caseNo)} ORDER BY id`);
}

/** What the log provider recorded for a case, oldest first. */
export function loggedFor(caseNo) {
  return sqlLocalRows(
    `SELECT l.*, o.event FROM notice_log l JOIN notice_outbox o ON o.id = l.outbox_id WHERE o.case_no = ${quote(caseNo)} ORDER BY l.id`,
  );
}

/**
 * Waits until every outbox row of the case has left `queued` and there are
 * `count` of them: the queue delivers on its own schedule (batches of up to
 * 2 s locally, retries after 1, 2, 4… s), so this polls, with a generous cap.
 */
export async function settled(caseNo, count, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const rows = outboxOf(caseNo);
    if (rows.length === count && rows.every((r) => r.state !== "queued")) return rows;
    if (Date.now() > until) assert.fail(`outbox of ${caseNo} not settled: ${JSON.stringify(rows)}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/**
 * A number of this test's own: the demo applicants' shared number reaches
 * the daily cap (10 a day) once other test files have submitted for it.
 */
export const freshMobile = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

/** A test number of the log provider (shared::notify::test_fault): 170 0000 D xxx. */
export const testNumber = (d) => `1700000${d}${String(Math.floor(Math.random() * 1000)).padStart(3, "0")}`;

/** An outbox row the provider refused (failed, resendable). */
export async function failedNotice() {
  const { receipt } = await submitFood({ mobile: testNumber(1) });
  const [row] = await settled(receipt.case_no, 1);
  assert.equal(row.state, "failed");
  return row;
}

/**
 * Fires one of the notifier Worker's crons the way the platform does: the
 * portal's trigger (wrangler.toml), which passes it on to the notifier
 * (backend/src/split.rs) and answers when the notifier has run it.
 */
export async function notifierCron(cron) {
  const res = await fetch(`${BASE_URL}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent(cron)}`);
  assert.equal(res.status, 200, await res.text());
}

/** The notifier's daily invitations to rate (evaluate.rs). */
export const INVITATIONS_CRON = "0 2 * * *";
/** The notifier's receipts round (receipts.rs). */
export const RECEIPTS_CRON = "*/10 * * * *";
