-- Each member's unread count, kept by triggers on their inbox entries, so
-- the inbox (and the header's count) reads one row for it instead of every
-- unread entry: the page read 195–222 rows on the demo data and grew with
-- what a member left unread (issue 15). Owned by backend/src/db/inbox.rs.
CREATE TABLE inbox_unread_count (
    staff_id INTEGER PRIMARY KEY REFERENCES staff (id),
    n INTEGER NOT NULL CHECK (n >= 0)
);

INSERT INTO inbox_unread_count (staff_id, n)
SELECT staff_id, count(*) FROM inbox_entry WHERE read_at IS NULL GROUP BY staff_id;

CREATE TRIGGER inbox_unread_insert AFTER INSERT ON inbox_entry WHEN NEW.read_at IS NULL BEGIN
    INSERT INTO inbox_unread_count (staff_id, n) VALUES (NEW.staff_id, 1)
        ON CONFLICT (staff_id) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER inbox_unread_read AFTER UPDATE OF read_at ON inbox_entry
WHEN OLD.read_at IS NULL AND NEW.read_at IS NOT NULL BEGIN
    UPDATE inbox_unread_count SET n = n - 1 WHERE staff_id = NEW.staff_id;
END;

CREATE TRIGGER inbox_unread_delete AFTER DELETE ON inbox_entry WHEN OLD.read_at IS NULL BEGIN
    UPDATE inbox_unread_count SET n = n - 1 WHERE staff_id = OLD.staff_id;
END;

-- The gap in 0029's events for units: an efficiency complaint assigned
-- (交办) or transferred (转办) to a unit to handle. inbox_item's kind gains
-- 'complaint' (a CHECK SQLite cannot change in place: rebuilt as in 0025;
-- inbox_entry refers to it, so its check waits for the end).
PRAGMA defer_foreign_keys = true;

CREATE TABLE inbox_item_next (
    id INTEGER PRIMARY KEY,
    department_id INTEGER NOT NULL REFERENCES department (id),
    kind TEXT NOT NULL CHECK (kind IN ('new_case', 'case_warning', 'dispatch', 'hotline_chase', 'document', 'supervision_slip',
        'complaint')),
    title TEXT NOT NULL,
    link TEXT NOT NULL,
    created_at TEXT NOT NULL
);
INSERT INTO inbox_item_next SELECT id, department_id, kind, title, link, created_at FROM inbox_item;
-- The triggers that write items name the table: dropped with it and made
-- again as 0029 has them (SQLite checks them when the table is renamed).
DROP TRIGGER inbox_new_case;
DROP TRIGGER inbox_case_warning;
DROP TRIGGER inbox_dispatch;
DROP TRIGGER inbox_hotline_chase;
DROP TRIGGER inbox_document;
DROP TRIGGER inbox_supervision_slip;
DROP TABLE inbox_item;
ALTER TABLE inbox_item_next RENAME TO inbox_item;

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

-- The complaint's number only: who complained stays with the office.
CREATE TRIGGER inbox_complaint AFTER UPDATE OF unit_id ON complaint
WHEN NEW.unit_id IS NOT NULL AND NEW.unit_id IS NOT OLD.unit_id BEGIN
    INSERT INTO inbox_item (department_id, kind, title, link, created_at)
    VALUES (NEW.unit_id, 'complaint', CASE NEW.mode WHEN 'transferred' THEN '效能投诉转办 ' ELSE '效能投诉交办 ' END || NEW.complaint_no,
        '/staff/complaints/' || NEW.complaint_no, coalesce(NEW.started_at, NEW.received_at));
END;
