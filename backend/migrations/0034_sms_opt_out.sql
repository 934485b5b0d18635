-- The applicant's choice not to receive SMS (the form's checkbox, default
-- on; the tracking page's switch after the code check): their messages are
-- then recorded as skipped, the tracking page being the channel
-- (backend/src/db/notify.rs). The tracking row shows the choice, so its
-- view is recreated with it (rows written before lack it: read as false).
ALTER TABLE case_record ADD COLUMN sms_opt_out INTEGER NOT NULL DEFAULT 0 CHECK (sms_opt_out IN (0, 1));

DROP VIEW case_tracking_source;
CREATE VIEW case_tracking_source AS
SELECT c.id AS case_id, c.case_no, c.last_change, c.department_id, c.state,
       json_object(
           'case_no', c.case_no,
           'matter_id', c.matter_id,
           'matter_name', coalesce((SELECT json_extract(v.content, '$.name') FROM matter_version v
                                    WHERE v.matter_id = c.matter_id AND v.number = c.matter_version), m.name),
           'department_name', d.name,
           'state', c.state,
           'class', c.class,
           'accepted_on', c.accepted_on,
           'committed_days', c.committed_days,
           'deadline', c.deadline,
           'supplement_items', json(c.supplement_items),
           'return_reasons', c.return_reasons,
           'report_authority', c.report_authority,
           'materials', json((SELECT json_group_array(json_object('id', id, 'name', name, 'form', form, 'copies', copies,
                                                                  'required', json(iif(required = 1, 'true', 'false')), 'note', note))
                              FROM (SELECT * FROM matter_material WHERE matter_id = c.matter_id AND version = c.matter_version ORDER BY seq))),
           'timeline', json((SELECT json_group_array(json_object('at', at, 'actor', actor, 'from_state', from_state,
                                                                 'to_state', to_state, 'note', note))
                             FROM (SELECT * FROM case_event WHERE case_id = c.id ORDER BY id))),
           -- Shown while the clock runs, as with the ledger.
           'extension', json((SELECT json_object('days', days, 'reason', reason, 'state', state)
                              FROM case_extension WHERE case_id = c.id AND c.state = 'in_progress' ORDER BY id DESC LIMIT 1)),
           'result', c.result,
           -- Shown on the tracking page's SMS switch.
           'sms_opt_out', json(iif(c.sms_opt_out = 1, 'true', 'false')),
           'evaluation', json((SELECT json_object(
                                   'level', json_extract('["very_satisfied","satisfied","fairly_satisfied","dissatisfied","very_dissatisfied"]',
                                                         '$[' || (e.level - 1) || ']'),
                                   'comment', e.comment, 'at', e.at,
                                   'review', json(iif(e.review IS NULL, NULL, json_object(
                                       'state', e.review, 'office_note', e.office_note, 'rectify_by', e.rectify_by,
                                       'report', e.report, 'rectified_on', e.rectified_on,
                                       'late', json(CASE e.late WHEN 1 THEN 'true' WHEN 0 THEN 'false' END)))))
                               FROM case_evaluation e WHERE e.case_id = c.id)),
           'clock', json_object(
               'accepted_on', c.accepted_on, 'committed_days', c.committed_days, 'deadline', c.deadline,
               'yellow_days', m.yellow_days,
               -- The rows db/approvals/ledger.rs reads: the pauses, the latest extension request.
               'pauses', json((SELECT json_group_array(json_object('reason', reason, 'from_date', from_date, 'resumed_on', resumed_on))
                               FROM (SELECT * FROM case_pause WHERE case_id = c.id ORDER BY id))),
               'extension', json((SELECT json_object('days', x.days, 'reason', x.reason, 'state', x.state, 'approver', s.name)
                                  FROM case_extension x LEFT JOIN staff s ON s.id = x.decided_by
                                  WHERE x.case_id = c.id ORDER BY x.id DESC LIMIT 1)))
       ) AS view
FROM case_record c JOIN matter m ON m.id = c.matter_id JOIN department d ON d.id = c.department_id;
