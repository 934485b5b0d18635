// Prints SQL that adds N cases to local D1 (scripts/bench.sh cases): history
// spread over the last 700 days, nearly all completed, and a fixed 400 open
// cases (the open workload does not grow with history). Case numbers are
// BM00000001…; the first TRACKED of them can be tracked with `codeFor(no)`,
// derived as the Worker derives it from the local stack's key.
// The rows are generated inside SQLite (a recursive CTE), so the file stays
// small whatever N is. Counters in case_stats are derived from the seeded
// rows in the same file.
import { createHmac } from "node:crypto";

const open = 400;
export const TRACKED = 500;
const key = process.env.LOCAL_QUERY_CODE_KEY ?? "local-development-only-not-a-secret";

/** HMAC-SHA256 of the parts, each followed by 0x1f (backend/src/crypto.rs). */
function mac(...parts) {
  const h = createHmac("sha256", key);
  for (const p of parts) h.update(Buffer.concat([Buffer.from(p), Buffer.from([0x1f])]));
  return h.digest();
}

/** A case's query code, as the Worker derives it. */
export function codeFor(caseNo) {
  return String(mac("query-code", caseNo).readBigUInt64BE(0) % 100000000n).padStart(8, "0");
}

/** The keyed check the Worker stores for a number's code. */
export const benchCheck = (no) => mac("query-code-check", no, codeFor(no)).toString("hex");
const check = benchCheck;
export const benchCase = (i) => `BM${String(i).padStart(8, "0")}`;
/** The tracked cases in progress given a long history (40 more events, 6 pauses, an extension). */
export const longHistoryCase = (k) => benchCase(2 + 4 * (k % (Math.min(open, TRACKED) / 4)));

/** The SQL for `n` cases. */
export function casesSql(n) {
  const tracked = Array.from({ length: Math.min(n, TRACKED) }, (_, i) => benchCase(i + 1));
  const checks = tracked.map((no) => `WHEN '${no}' THEN '${check(no)}'`).join(" ");
  return `
WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n}),
     c AS (SELECT i, 1 + (i * 7) % (SELECT count(*) FROM matter) AS matter_row,
                  datetime('now', '+8 hours', '-' || (i % 700) || ' days') AS t FROM seq)
INSERT INTO case_record (case_no, query_code_hash, matter_id, department_id, state, class, applicant_kind,
    applicant_name, id_number, mobile, address, fields, submitted_at, accepted_on, committed_days, deadline,
    completed_on, completed_late, result, last_change)
SELECT printf('BM%08d', c.i), 'untracked', m.id, m.department_id,
       CASE WHEN c.i <= ${open} THEN (CASE c.i % 4 WHEN 0 THEN 'submitted' WHEN 1 THEN 'awaiting_supplement' ELSE 'in_progress' END)
            ELSE 'completed' END,
       CASE WHEN c.i <= ${open} AND c.i % 4 IN (0, 1) THEN NULL ELSE 'commitment' END,
       'organisation', '基准测试企业' || c.i, '91350100M000100Y43', '13800138000', '示范县城关镇', '{}',
       replace(c.t, ' ', 'T') || '+08:00', date(c.t), m.committed_days,
       date(c.t, '+' || (m.committed_days + 4) || ' days') || 'T23:59:59+08:00',
       CASE WHEN c.i > ${open} THEN date(c.t, '+' || (c.i % (m.committed_days + 5)) || ' days') END,
       CASE WHEN c.i > ${open} THEN (c.i % 20 = 0) END,
       CASE WHEN c.i > ${open} THEN '准予许可' END, 'bench'
FROM c JOIN (SELECT id, department_id, committed_days, row_number() OVER (ORDER BY id) AS r FROM matter) m ON m.r = c.matter_row;

UPDATE case_record SET query_code_hash = CASE case_no ${checks} END WHERE case_no IN (${tracked.map((t) => `'${t}'`).join(",")});

INSERT INTO case_department (department_id, case_id, lead)
SELECT department_id, id, 1 FROM case_record WHERE case_no LIKE 'BM%';

INSERT INTO case_event (case_id, at, actor, from_state, to_state, note)
SELECT id, submitted_at, '申请人', NULL, 'submitted', '在线提交申请' FROM case_record WHERE case_no LIKE 'BM%';
INSERT INTO case_event (case_id, at, actor, from_state, to_state, note)
SELECT id, accepted_on || 'T10:00:00+08:00', '基准', 'submitted', 'in_progress', '承诺件：已受理' FROM case_record
WHERE case_no LIKE 'BM%' AND class = 'commitment';
INSERT INTO case_event (case_id, at, actor, from_state, to_state, note)
SELECT id, completed_on || 'T16:00:00+08:00', '基准', 'in_progress', 'completed', '按期办结：准予许可' FROM case_record
WHERE case_no LIKE 'BM%' AND state = 'completed';

-- A long history for the tracked cases in progress (every 4th from the
-- 2nd), to show that a tracking look-up does not grow with it.
WITH RECURSIVE k(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM k WHERE j < 40),
     long AS (SELECT id, submitted_at, accepted_on FROM case_record
              WHERE case_no LIKE 'BM%' AND CAST(substr(case_no, 3) AS INTEGER) <= ${Math.min(open, TRACKED)}
                AND CAST(substr(case_no, 3) AS INTEGER) % 4 = 2)
INSERT INTO case_event (case_id, at, actor, from_state, to_state, note)
SELECT long.id, long.submitted_at, '基准', 'in_progress', 'in_progress', CASE k.j % 2 WHEN 1 THEN '暂停计时：检验检测' ELSE '恢复计时' END
FROM long, k;
WITH RECURSIVE k(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM k WHERE j < 6)
INSERT INTO case_pause (case_id, reason, from_date, resumed_on)
SELECT c.id, 'testing', c.accepted_on, c.accepted_on FROM case_record c, k
WHERE c.case_no LIKE 'BM%' AND CAST(substr(c.case_no, 3) AS INTEGER) <= ${Math.min(open, TRACKED)} AND CAST(substr(c.case_no, 3) AS INTEGER) % 4 = 2;
INSERT INTO case_extension (case_id, days, reason, requested_at, state)
SELECT id, 5, '基准：需组织专家论证', submitted_at, 'approved' FROM case_record
WHERE case_no LIKE 'BM%' AND CAST(substr(case_no, 3) AS INTEGER) <= ${Math.min(open, TRACKED)} AND CAST(substr(case_no, 3) AS INTEGER) % 4 = 2;

INSERT INTO case_stats (period, received, disposed_commitment, completed_commitment, on_time, late, committed_days, statutory_days)
SELECT p, sum(received), sum(accepted), sum(completed), sum(on_time), sum(late), sum(committed), sum(statutory) FROM (
  SELECT substr(c.submitted_at, 1, 10) AS p, 1 AS received, c.class IS NOT NULL AS accepted, 0 AS completed, 0 AS on_time, 0 AS late,
         coalesce(c.committed_days, 0) AS committed, CASE WHEN c.class IS NOT NULL THEN m.statutory_days ELSE 0 END AS statutory
  FROM case_record c JOIN matter m ON m.id = c.matter_id WHERE c.case_no LIKE 'BM%'
  UNION ALL
  SELECT completed_on, 0, 0, 1, completed_late = 0, completed_late = 1, 0, 0 FROM case_record WHERE case_no LIKE 'BM%' AND completed_on IS NOT NULL
) GROUP BY p
UNION ALL
SELECT substr(p, 1, 7), sum(received), sum(accepted), sum(completed), sum(on_time), sum(late), sum(committed), sum(statutory) FROM (
  SELECT substr(c.submitted_at, 1, 10) AS p, 1 AS received, c.class IS NOT NULL AS accepted, 0 AS completed, 0 AS on_time, 0 AS late,
         coalesce(c.committed_days, 0) AS committed, CASE WHEN c.class IS NOT NULL THEN m.statutory_days ELSE 0 END AS statutory
  FROM case_record c JOIN matter m ON m.id = c.matter_id WHERE c.case_no LIKE 'BM%'
  UNION ALL
  SELECT completed_on, 0, 0, 1, completed_late = 0, completed_late = 1, 0, 0 FROM case_record WHERE case_no LIKE 'BM%' AND completed_on IS NOT NULL
) GROUP BY substr(p, 1, 7)
ON CONFLICT (period) DO UPDATE SET received = received + excluded.received,
  disposed_commitment = disposed_commitment + excluded.disposed_commitment,
  completed_commitment = completed_commitment + excluded.completed_commitment,
  on_time = on_time + excluded.on_time, late = late + excluded.late,
  committed_days = committed_days + excluded.committed_days, statutory_days = statutory_days + excluded.statutory_days;

-- Each case's tracking view, as the app writes it with every change.
INSERT INTO case_tracking (case_id, view) SELECT case_id, view FROM case_tracking_source WHERE case_no LIKE 'BM%';
`;
}

// Run as a script (not imported by bench/cases.mjs): print the SQL.
if (process.argv[1]?.endsWith("cases-sql.mjs")) console.log(casesSql(Number(process.argv[2] ?? 10000)));
