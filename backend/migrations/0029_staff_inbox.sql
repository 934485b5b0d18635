-- The staff's in-app inbox (ARCHITECTURE.md, "Notifications"): what a unit
-- must act on, one item per event, one entry per active member of the unit
-- with its read mark. Written by triggers on the rows that record each
-- event, so an item exists exactly when its event does (same transaction,
-- whatever SMS does) and no wing's code had to learn about it.

CREATE TABLE inbox_item (
    id INTEGER PRIMARY KEY,
    department_id INTEGER NOT NULL REFERENCES department (id),
    kind TEXT NOT NULL CHECK (kind IN ('new_case', 'case_warning', 'dispatch', 'hotline_chase', 'document', 'supervision_slip')),
    title TEXT NOT NULL,
    -- The staff app's page of the item.
    link TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE inbox_entry (
    staff_id INTEGER NOT NULL REFERENCES staff (id),
    item_id INTEGER NOT NULL REFERENCES inbox_item (id),
    read_at TEXT,
    PRIMARY KEY (staff_id, item_id)
) WITHOUT ROWID;

-- The unread count reads only the unread entries.
CREATE INDEX inbox_unread ON inbox_entry (staff_id, item_id) WHERE read_at IS NULL;

-- Every active member of the unit gets the item.
CREATE TRIGGER inbox_fan_out AFTER INSERT ON inbox_item BEGIN
    INSERT INTO inbox_entry (staff_id, item_id)
    SELECT id, NEW.id FROM staff WHERE department_id = NEW.department_id AND active = 1;
END;

-- Approvals: a new application for the lead department.
CREATE TRIGGER inbox_new_case AFTER INSERT ON case_record BEGIN
    INSERT INTO inbox_item (department_id, kind, title, link, created_at)
    SELECT NEW.department_id, 'new_case', '新申请 ' || NEW.case_no || '：' || m.name, '/staff/cases/' || NEW.case_no, NEW.submitted_at
    FROM matter m WHERE m.id = NEW.matter_id;
END;

-- Approvals: the daily job's yellow and red cards and deemed-acceptance warnings.
CREATE TRIGGER inbox_case_warning AFTER INSERT ON case_warning BEGIN
    INSERT INTO inbox_item (department_id, kind, title, link, created_at)
    SELECT c.department_id, 'case_warning',
        CASE NEW.kind WHEN 'yellow' THEN '黄牌预警 ' WHEN 'red' THEN '红牌警示 ' ELSE '即将视为受理 ' END || c.case_no,
        '/staff/cases/' || c.case_no, NEW.day
    FROM case_record c WHERE c.id = NEW.case_id;
END;

-- The hotline: a ticket dispatched to a unit (lead or assisting).
CREATE TRIGGER inbox_dispatch AFTER INSERT ON hotline_part BEGIN
    INSERT INTO inbox_item (department_id, kind, title, link, created_at)
    SELECT NEW.unit_id, 'dispatch', '热线工单待签收 ' || t.ticket_no, '/staff/hotline/tickets/' || t.ticket_no, NEW.sent_at
    FROM hotline_ticket t WHERE t.id = NEW.ticket_id;
END;

-- The hotline: the daily job's 催办 reminder or notice.
CREATE TRIGGER inbox_hotline_chase AFTER INSERT ON hotline_notice BEGIN
    INSERT INTO inbox_item (department_id, kind, title, link, created_at)
    SELECT NEW.unit_id, 'hotline_chase', CASE NEW.kind WHEN 'reminder' THEN '催办提醒 ' ELSE '催办通知 ' END || t.ticket_no,
        '/staff/hotline/tickets/' || t.ticket_no, NEW.day
    FROM hotline_ticket t WHERE t.id = NEW.ticket_id;
END;

-- Document transmission: a copy delivered to a unit to sign for.
CREATE TRIGGER inbox_document AFTER INSERT ON doc_recipient BEGIN
    INSERT INTO inbox_item (department_id, kind, title, link, created_at)
    SELECT NEW.unit_id, 'document', '待签收公文：' || d.title, '/staff/transmit/' || d.doc_key, NEW.delivered_at
    FROM doc_outgoing d WHERE d.id = NEW.doc_id;
END;

-- Supervision: a slip (交办单, 催办单, 督办通知单; yellow and red cards) to a unit.
CREATE TRIGGER inbox_supervision_slip AFTER INSERT ON supervision_slip BEGIN
    INSERT INTO inbox_item (department_id, kind, title, link, created_at)
    VALUES (NEW.unit_id, 'supervision_slip',
        CASE NEW.colour WHEN 'yellow' THEN '黄色' WHEN 'red' THEN '红色' WHEN 'blue' THEN '蓝色' ELSE '' END
            || CASE NEW.kind WHEN 'assignment' THEN '交办单：' WHEN 'reminder' THEN '催办单：' ELSE '督办通知单：' END || NEW.item_title,
        '/staff/supervision/slips/' || NEW.id, NEW.issued_at);
END;
