-- The staff second factor (shared::second_factor): a TOTP secret and
-- single-use recovery codes. Owned by backend/src/db/second_factor.rs.
--
-- totp_secret: hex of 20 random bytes, in force once a code from it was
-- confirmed (NULL: none); totp_pending: a secret being set up, not yet
-- confirmed. totp_step: the last time step a code was used for, so each
-- code signs in once. totp_session: the session the last step started, so
-- two sign-ins racing with one code cannot both start one.
ALTER TABLE staff ADD COLUMN totp_secret TEXT CHECK (totp_secret IS NULL OR length(totp_secret) = 40);
ALTER TABLE staff ADD COLUMN totp_pending TEXT CHECK (totp_pending IS NULL OR length(totp_pending) = 40);
ALTER TABLE staff ADD COLUMN totp_step INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff ADD COLUMN totp_session TEXT;

-- Recovery codes: SHA-256 of the normalised code (50 random bits each, so
-- a plain hash suffices); used_session the session a code started.
CREATE TABLE staff_recovery_code (
    staff_id     INTEGER NOT NULL REFERENCES staff (id),
    code_hash    TEXT    NOT NULL,
    used_at      INTEGER,                   -- Unix seconds
    used_session TEXT,
    PRIMARY KEY (staff_id, code_hash)
) WITHOUT ROWID;

-- Two kinds of security event: second-factor changes (set up, turned off,
-- new recovery codes, cleared by an administrator's reset) and the daily
-- job's erasure of personal data past its retention (0026). SQLite cannot
-- change a CHECK in place: the table is rebuilt as in 0020.
CREATE TABLE security_event_next (
    id       INTEGER PRIMARY KEY,
    at       TEXT    NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%S+08:00', at, '+8 hours') IS at),
    kind     TEXT    NOT NULL CHECK (kind IN ('sign_in', 'sign_out', 'password_changed', 'throttled', 'forbidden',
                 'file_viewed', 'personal_data_viewed', 'account_created', 'account_changed', 'role_changed',
                 'password_reset', 'settings_changed', 'api_key_issued', 'api_key_revoked', 'sessions_ended',
                 'second_factor_changed', 'personal_data_erased')),
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
