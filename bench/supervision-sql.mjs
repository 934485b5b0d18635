// Prints SQL that adds N supervision tasks to local D1 (scripts/bench.sh
// supervision): one item per two tasks over the last 700 days, nearly all
// struck off, and a fixed 300 tasks in progress (the office's open work
// does not grow with history), each with its lead unit's part, its
// assignment slip, and the counts and counters the dashboard reads,
// derived from the seeded rows. Items are DB00000001…
const open = 300;
const counters = ["assigned", "reported", "closed", "closed_on_time"];

export function supervisionSql(n) {
  const items = Math.ceil(n / 2);
  const sums = counters.map((c) => `sum(${c})`).join(", ");
  const updates = counters.map((c) => `${c} = ${c} + excluded.${c}`).join(", ");
  return `
WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${items})
INSERT INTO supervision_item (item_no, source, reference, title, instruction, priority, difficult, leader, state, tasks, open_tasks,
    registered_at, registered_by, last_change)
SELECT printf('DB%08d', i), 'executive_meeting', '基准测试纪要', '基准测试事项', '基准测试', 'normal', 0, '张县长',
       CASE WHEN i <= ${open / 2} THEN 'in_progress' ELSE 'closed' END, 2, CASE WHEN i <= ${open / 2} THEN 2 ELSE 0 END,
       replace(datetime('now', '+8 hours', '-' || (i % 700) || ' days'), ' ', 'T') || '+08:00', '周明', 'bench'
FROM seq;

WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n}),
     t AS (SELECT i, 1 + (i * 7) % 15 AS unit, date('now', '+8 hours', '-' || (((i + 1) / 2) % 700) || ' days') AS day FROM seq)
INSERT INTO supervision_task (task_no, item_id, source, requirement, lead_unit_id, responsible, supervisor, assigned_at, started_on,
    limit_days, deadline, watch_date, state, report_text, report_at, closed_at, closed_on_time, last_change)
SELECT printf('DB%08d-%d', (t.i + 1) / 2, 2 - t.i % 2), it.id, 'executive_meeting', '基准测试任务', t.unit, '负责人', '督办人',
       t.day || 'T10:00:00+08:00', t.day, 20, date(t.day, '+28 days'), date(t.day, '+28 days'),
       CASE WHEN t.i <= ${open} THEN 'in_progress' ELSE 'closed' END,
       CASE WHEN t.i > ${open} THEN '已办结' END, CASE WHEN t.i > ${open} THEN date(t.day, '+10 days') || 'T10:00:00+08:00' END,
       CASE WHEN t.i > ${open} THEN date(t.day, '+15 days') || 'T10:00:00+08:00' END, CASE WHEN t.i > ${open} THEN 1 END, 'bench'
FROM t JOIN supervision_item it ON it.item_no = printf('DB%08d', (t.i + 1) / 2);

INSERT INTO supervision_part (task_id, unit_id, role, open)
SELECT id, lead_unit_id, 'lead', state <> 'closed' FROM supervision_task WHERE last_change = 'bench';

INSERT INTO supervision_slip (kind, year, seq, colour, task_id, unit_id, reason_key, issued_day, issued_at, item_no, item_title,
    requirement, unit_name, responsible, supervisor, deadline, why, task_no)
SELECT 'assignment', 2000, id, 'none', id, lead_unit_id, 'assignment', started_on, assigned_at, substr(task_no, 1, 10),
       '基准测试事项', requirement, '单位', responsible, supervisor, deadline, '请按期办结', task_no
FROM supervision_task WHERE last_change = 'bench';

INSERT INTO supervision_count (source, state, items)
SELECT source, state, count(*) FROM supervision_item WHERE last_change = 'bench' GROUP BY source, state
ON CONFLICT (source, state) DO UPDATE SET items = items + excluded.items;

INSERT INTO supervision_tally (key, unit_id, ${counters.join(", ")})
SELECT k, u, ${sums} FROM (
  SELECT started_on AS k, 0 AS u, 1 AS assigned, state = 'closed' AS reported, state = 'closed' AS closed, state = 'closed' AS closed_on_time FROM supervision_task WHERE last_change = 'bench'
  UNION ALL SELECT started_on, lead_unit_id, 1, state = 'closed', state = 'closed', state = 'closed' FROM supervision_task WHERE last_change = 'bench'
  UNION ALL SELECT substr(started_on, 1, 7), 0, 1, state = 'closed', state = 'closed', state = 'closed' FROM supervision_task WHERE last_change = 'bench'
  UNION ALL SELECT substr(started_on, 1, 7), lead_unit_id, 1, state = 'closed', state = 'closed', state = 'closed' FROM supervision_task WHERE last_change = 'bench'
) WHERE true GROUP BY k, u
ON CONFLICT (key, unit_id) DO UPDATE SET ${updates};
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(supervisionSql(Number(process.argv[2] ?? 1000)));
}
