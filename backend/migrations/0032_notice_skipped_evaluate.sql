-- Two additions to the outbox's CHECK lists, which SQLite cannot change in
-- place (the table is rebuilt as in 0020 and 0025):
-- - the state 'skipped': the applicant chose not to receive SMS (the
--   tracking page is their channel), so the message is recorded, not sent;
-- - the event 'case_evaluate': the invitation to rate a case completed
--   three days ago and not rated (the notifier's cron);
-- - the hotline caller's events: 'hotline_received' (number and query code),
--   'hotline_replied' (the reply accepted), 'hotline_callback' (closed after
--   the call-back), and the efficiency complainant's alike
--   ('complaint_received', 'complaint_replied', 'complaint_callback').
--   `case_no` then holds the ticket's or the complaint's number.
-- notice_log refers to the outbox: its check waits for the end.
PRAGMA defer_foreign_keys = true;

CREATE TABLE notice_outbox_next (
    id INTEGER PRIMARY KEY,
    event_key TEXT NOT NULL UNIQUE,
    event TEXT NOT NULL CHECK (event IN ('case_received', 'case_supplement', 'case_accepted', 'case_completed', 'case_evaluate',
        'hotline_received', 'hotline_replied', 'hotline_callback', 'complaint_received', 'complaint_replied',
        'complaint_callback')),
    case_no TEXT NOT NULL,
    phone TEXT NOT NULL,
    vars TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'delivered', 'failed', 'skipped')),
    created_at TEXT NOT NULL,
    enqueued_at TEXT,
    lease_until TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    provider TEXT,
    provider_message_id TEXT,
    reason TEXT,
    sent_at TEXT,
    resent_by INTEGER REFERENCES staff (id),
    resent_at TEXT,
    updated_at TEXT NOT NULL,
    cut TEXT
);
INSERT INTO notice_outbox_next SELECT id, event_key, event, case_no, phone, vars, state, created_at, enqueued_at, lease_until,
    attempts, provider, provider_message_id, reason, sent_at, resent_by, resent_at, updated_at, cut FROM notice_outbox;
DROP TABLE notice_outbox;
ALTER TABLE notice_outbox_next RENAME TO notice_outbox;

CREATE INDEX notice_outbox_state ON notice_outbox (state, id);
CREATE INDEX notice_outbox_phone ON notice_outbox (phone, sent_at);
CREATE INDEX notice_outbox_case ON notice_outbox (case_no);
CREATE INDEX notice_outbox_message ON notice_outbox (provider, provider_message_id);

CREATE TRIGGER notice_tally_insert AFTER INSERT ON notice_outbox BEGIN
    INSERT INTO notice_tally (state, provider, n) VALUES (NEW.state, coalesce(NEW.provider, ''), 1)
        ON CONFLICT (state, provider) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER notice_tally_update AFTER UPDATE OF state, provider ON notice_outbox
WHEN OLD.state IS NOT NEW.state OR OLD.provider IS NOT NEW.provider BEGIN
    UPDATE notice_tally SET n = n - 1 WHERE state = OLD.state AND provider = coalesce(OLD.provider, '');
    INSERT INTO notice_tally (state, provider, n) VALUES (NEW.state, coalesce(NEW.provider, ''), 1)
        ON CONFLICT (state, provider) DO UPDATE SET n = n + 1;
END;
