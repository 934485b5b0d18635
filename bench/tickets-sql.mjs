// Prints SQL that adds N hotline tickets to local D1 (scripts/bench.sh
// tickets): history over the last 700 days, nearly all closed, and a fixed
// 300 open tickets (a unit's open work does not grow with history), each
// with its lead unit's part, its first audit row, and the counters the
// figures page reads, derived from the seeded rows. Ticket numbers are
// RB00000001…; the first TRACKED can be looked up with `codeFor(no)`.
import { benchCheck, codeFor } from "./cases-sql.mjs";

const open = 300;
export const TRACKED = 200;
export const benchTicket = (i) => `RB${String(i).padStart(8, "0")}`;
export { codeFor };

const counters = ["received", "dispatched", "signed", "signed_on_time", "completed", "completed_on_time", "visited", "satisfied", "evaluated"];

export function ticketsSql(n) {
  const tracked = Array.from({ length: Math.min(n, TRACKED) }, (_, i) => benchTicket(i + 1));
  const checks = tracked.map((no) => `WHEN '${no}' THEN '${benchCheck(no)}'`).join(" ");
  const sums = counters.map((c) => `sum(${c})`).join(", ");
  const updates = counters.map((c) => `${c} = ${c} + excluded.${c}`).join(", ");
  return `
WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n}),
     c AS (SELECT i, 1 + (i * 7) % 10 AS category, datetime('now', '+8 hours', '-' || (i % 700) || ' days') AS t FROM seq)
INSERT INTO hotline_ticket (ticket_no, code_check, channel, kind, urgency, confidential, caller_name, caller_phone, address,
    address_key, occurred, cause, course, received_at, received_on, state, close_reason, category_id, lead_unit_id,
    limit_code, started_at, deadline, dispatched_at, reply_text, reply_at, closed_at, last_change)
SELECT printf('RB%08d', c.i), 'untracked', 'phone', 'complaint', 'normal', 0, '测试来电人', '13800138000', '城关镇基准路' || (c.i % 500) || '号',
       '城关镇基准路' || (c.i % 500) || '号', '当天', '基准测试诉求', '基准测试诉求的经过', replace(c.t, ' ', 'T') || '+08:00', date(c.t),
       CASE WHEN c.i <= ${open} THEN 'in_progress' ELSE 'closed' END,
       CASE WHEN c.i <= ${open} THEN NULL ELSE 'satisfied' END,
       h.id, h.lead_unit_id, '13wd', replace(c.t, ' ', 'T') || '+08:00', date(c.t, '+18 days') || 'T23:59:59+08:00',
       replace(c.t, ' ', 'T') || '+08:00',
       CASE WHEN c.i > ${open} THEN '已处理' END, CASE WHEN c.i > ${open} THEN date(c.t, '+3 days') || 'T10:00:00+08:00' END,
       CASE WHEN c.i > ${open} THEN date(c.t, '+4 days') || 'T10:00:00+08:00' END, 'bench'
FROM c JOIN hotline_category h ON h.id = c.category;

UPDATE hotline_ticket SET code_check = CASE ticket_no ${checks} END WHERE ticket_no IN (${tracked.map((t) => `'${t}'`).join(",")});

INSERT INTO hotline_part (ticket_id, unit_id, role, state, sent_at, sign_by, signed_at, ticket_open, deadline)
SELECT id, lead_unit_id, 'lead', 'signed', dispatched_at, dispatched_at, dispatched_at, state <> 'closed', deadline
FROM hotline_ticket WHERE last_change = 'bench';

INSERT INTO hotline_event (ticket_id, at, actor, from_state, to_state, note, public)
SELECT id, received_at, '话务员', NULL, 'received', '已受理', 1 FROM hotline_ticket WHERE last_change = 'bench';

INSERT INTO hotline_tally (key, unit_id, ${counters.join(", ")})
SELECT k, u, ${sums} FROM (
  SELECT received_on AS k, 0 AS u, 1 AS received, 1 AS dispatched, 1 AS signed, 1 AS signed_on_time, state = 'closed' AS completed, state = 'closed' AS completed_on_time, state = 'closed' AS visited, state = 'closed' AS satisfied, state = 'closed' AS evaluated FROM hotline_ticket WHERE last_change = 'bench'
  UNION ALL SELECT received_on AS k, lead_unit_id AS u, 1, 1, 1, 1, state = 'closed', state = 'closed', state = 'closed', state = 'closed', state = 'closed' FROM hotline_ticket WHERE last_change = 'bench'
  UNION ALL SELECT substr(received_on, 1, 7) AS k, 0 AS u, 1, 1, 1, 1, state = 'closed', state = 'closed', state = 'closed', state = 'closed', state = 'closed' FROM hotline_ticket WHERE last_change = 'bench'
  UNION ALL SELECT substr(received_on, 1, 7) AS k, lead_unit_id AS u, 1, 1, 1, 1, state = 'closed', state = 'closed', state = 'closed', state = 'closed', state = 'closed' FROM hotline_ticket WHERE last_change = 'bench'
) WHERE true GROUP BY k, u
ON CONFLICT (key, unit_id) DO UPDATE SET ${updates};
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(ticketsSql(Number(process.argv[2] ?? 10000)));
}
