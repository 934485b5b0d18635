// Prints SQL that adds N transmitted documents to local D1 (scripts/bench.sh
// documents): one a request's worth over the last 700 days, each sent to
// 住建局 (4) and 城关镇 (12) and signed for, with the counters the figures
// read, derived from the seeded rows. Documents are FWB0000001…; their
// requests (ids from 1,000,001, refused, so no register counts them) exist
// only for the one-document-per-request key.
export function documentsSql(n) {
  return `
WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n})
INSERT INTO document_request (id, subject, proposed_level, suggested_level, drafting_departments, within_one_department,
    needs_government_authority, nature, length_chars, requested_at, state, last_change)
SELECT 1000000 + i, '基准测试发文', 'county_office', 'county_office', '[1]', 0, 1, 'correspondence', 800, '2026-01-01T09:00:00+08:00',
       'refused', 'bench'
FROM seq;

WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ${n}),
     t AS (SELECT i, replace(datetime('now', '+8 hours', '-' || (i % 700) || ' days', '-' || (i % 500) || ' minutes'), ' ', 'T') || '+08:00' AS at FROM seq)
INSERT INTO doc_outgoing (doc_key, request_id, title, number, level, urgency, signer, not_classified, addressees, state, created_at,
    created_by, sent_at, recipients, opened, signed, head_hash, receipts, last_change)
SELECT printf('FWB%07d', i), 1000000 + i, '基准测试发文', '示政办函〔' || substr(at, 1, 4) || '〕' || i || '号', 'county_office', 'ordinary',
       '张县长', 1, '{}', 'sent', at, 1, at, 2, 2, 2, '', 0, 'bench'
FROM t;

INSERT INTO doc_recipient (doc_id, unit_id, role, state, delivered_at, opened_at, opened_by, signed_at, signed_by)
SELECT d.id, u.value, 'main', 'signed', d.sent_at, d.sent_at, '基准', d.sent_at, '基准'
FROM doc_outgoing d, json_each('[4, 12]') u WHERE d.last_change = 'bench';

INSERT INTO doc_tally (key, unit_id, sent, sent_county_office, delivered, signed, m15)
SELECT k, u, sum(s), sum(s), sum(c), sum(c), sum(c) FROM (
  SELECT substr(sent_at, 1, 10) AS k, 0 AS u, 1 AS s, 2 AS c FROM doc_outgoing WHERE last_change = 'bench'
  UNION ALL SELECT substr(sent_at, 1, 7), 0, 1, 2 FROM doc_outgoing WHERE last_change = 'bench'
  UNION ALL SELECT substr(d.sent_at, 1, 10), x.value, 0, 1 FROM doc_outgoing d, json_each('[4, 12]') x WHERE d.last_change = 'bench'
  UNION ALL SELECT substr(d.sent_at, 1, 7), x.value, 0, 1 FROM doc_outgoing d, json_each('[4, 12]') x WHERE d.last_change = 'bench'
) WHERE true GROUP BY k, u
ON CONFLICT (key, unit_id) DO UPDATE SET sent = sent + excluded.sent, sent_county_office = sent_county_office + excluded.sent_county_office,
    delivered = delivered + excluded.delivered, signed = signed + excluded.signed, m15 = m15 + excluded.m15;
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(documentsSql(Number(process.argv[2] ?? 1000)));
}
