-- Revealing an applicant's identity number and mobile (shown masked by
-- default) is a security event of its own kind. SQLite cannot change a
-- CHECK in place: the table is rebuilt with the kind added, its rows,
-- indexes and append-only triggers as they were (0016).
CREATE TABLE security_event_next (
    id       INTEGER PRIMARY KEY,
    at       TEXT    NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%S+08:00', at, '+8 hours') IS at),
    kind     TEXT    NOT NULL CHECK (kind IN ('sign_in', 'sign_out', 'password_changed', 'throttled', 'forbidden',
                 'file_viewed', 'personal_data_viewed', 'account_created', 'account_changed', 'role_changed',
                 'password_reset', 'settings_changed', 'api_key_issued', 'api_key_revoked', 'sessions_ended')),
    outcome  TEXT    NOT NULL CHECK (outcome IN ('success', 'failure', 'refused', 'limited')),
    staff_id INTEGER REFERENCES staff (id),
    username TEXT    NOT NULL DEFAULT '' CHECK (length(username) <= 64),
    address  TEXT    NOT NULL DEFAULT '' CHECK (length(address) <= 64),
    target   TEXT    NOT NULL DEFAULT '' CHECK (length(target) <= 120),
    detail   TEXT    NOT NULL DEFAULT '' CHECK (length(detail) <= 200)
);
INSERT INTO security_event_next (id, at, kind, outcome, staff_id, username, address, target, detail)
SELECT id, at, kind, outcome, staff_id, username, address, target, detail FROM security_event;
DROP TABLE security_event;
ALTER TABLE security_event_next RENAME TO security_event;
CREATE INDEX security_event_at ON security_event (at);
CREATE INDEX security_event_staff ON security_event (staff_id, at);
CREATE INDEX security_event_user ON security_event (username, at);
CREATE INDEX security_event_kind ON security_event (kind, at);
CREATE INDEX security_event_address ON security_event (address, at);

CREATE TRIGGER security_event_append_only_update BEFORE UPDATE ON security_event
BEGIN SELECT RAISE(ABORT, 'security_event is append-only'); END;
-- Only rows past the retention may go (the daily job's deletion).
CREATE TRIGGER security_event_kept_for_retention BEFORE DELETE ON security_event
WHEN julianday(OLD.at) >= julianday('now', '-365 days')
BEGIN SELECT RAISE(ABORT, 'security_event rows are kept for 365 days'); END;
