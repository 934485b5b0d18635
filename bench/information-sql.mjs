// Prints SQL that adds N information items to local D1 (scripts/bench.sh
// information): items over the last 700 days from the 15 units, every
// third adopted into one of the year's issues (one per 50 items) with its
// score event, each item's share, and the per-unit yearly totals and the
// counters the league table and figures read, derived from the seeded
// rows. Items are XB00000001…
const counters = ["submitted", "adopted"];

export function informationSql(n) {
  const issues = Math.ceil(n / 50);
  const sums = counters.map((c) => `sum(${c})`).join(", ");
  const updates = counters.map((c) => `${c} = ${c} + excluded.${c}`).join(", ");
  return `
WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${issues})
INSERT INTO info_issue (kind, year, seq, number, title, published_on, created_at)
SELECT 'bulletin', 1900 + i % 100, 100000 + i, printf('基准测试第%d期', i), '基准测试', date('now', '+8 hours', '-' || ((i * 50) % 700) || ' days'), 'bench'
FROM seq;

WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n}),
     t AS (SELECT i, 1 + (i * 7) % 15 AS unit, date('now', '+8 hours', '-' || (i % 700) || ' days') AS day FROM seq)
INSERT INTO info_item (item_no, year, seq, unit_id, title, body, category, writer, writer_phone, signed_off_by, submitted_at, state,
    issue_id, score_year, last_change)
SELECT printf('XB%08d', t.i), CAST(substr(t.day, 1, 4) AS INTEGER), 1000000 + t.i, t.unit, '基准测试信息', '基准测试正文', 'news', '王芳', '0571-88881234', '负责人',
       t.day || 'T10:00:00+08:00', CASE WHEN t.i % 3 = 0 THEN 'adopted' ELSE 'submitted' END,
       CASE WHEN t.i % 3 = 0 THEN (SELECT id FROM info_issue WHERE number = printf('基准测试第%d期', 1 + (t.i / 50) % ${issues})) END,
       CASE WHEN t.i % 3 = 0 THEN CAST(substr(t.day, 1, 4) AS INTEGER) END, 'bench'
FROM t;

INSERT INTO info_share (item_id, unit_id, percent) SELECT id, unit_id, 100 FROM info_item WHERE last_change = 'bench';

INSERT INTO info_score_event (item_id, unit_id, year, reason, points, n, at)
SELECT id, unit_id, score_year, 'issue', 500, 1, submitted_at FROM info_item WHERE last_change = 'bench' AND state = 'adopted';

INSERT INTO info_score (year, unit_id, submitted, points, adopted)
SELECT y, u, sum(s), sum(p), sum(a) FROM (
  SELECT CAST(substr(submitted_at, 1, 4) AS INTEGER) AS y, unit_id AS u, 1 AS s, 0 AS p, 0 AS a FROM info_item WHERE last_change = 'bench'
  UNION ALL SELECT year, unit_id, 0, points, n FROM info_score_event e WHERE e.item_id IN (SELECT id FROM info_item WHERE last_change = 'bench')
) WHERE true GROUP BY y, u
ON CONFLICT (year, unit_id) DO UPDATE SET submitted = submitted + excluded.submitted, points = points + excluded.points,
    adopted = adopted + excluded.adopted;

INSERT INTO info_tally (key, unit_id, ${counters.join(", ")})
SELECT k, u, ${sums} FROM (
  SELECT substr(submitted_at, 1, 10) AS k, 0 AS u, 1 AS submitted, state = 'adopted' AS adopted FROM info_item WHERE last_change = 'bench'
  UNION ALL SELECT substr(submitted_at, 1, 10), unit_id, 1, state = 'adopted' FROM info_item WHERE last_change = 'bench'
  UNION ALL SELECT substr(submitted_at, 1, 7), 0, 1, state = 'adopted' FROM info_item WHERE last_change = 'bench'
  UNION ALL SELECT substr(submitted_at, 1, 7), unit_id, 1, state = 'adopted' FROM info_item WHERE last_change = 'bench'
) WHERE true GROUP BY k, u
ON CONFLICT (key, unit_id) DO UPDATE SET ${updates};
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(informationSql(Number(process.argv[2] ?? 1000)));
}
