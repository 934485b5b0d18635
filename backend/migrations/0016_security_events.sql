-- The security event log (ASVS V16): sign-ins and their failures,
-- throttling, refusals, file views, changes of accounts, roles, settings
-- and API keys, ended sessions. Owned by backend/src/db/security_events.rs;
-- the kinds are shared::security::SecurityKind, the outcomes Outcome.
-- Append-only: no row is ever changed, and none is deleted until it is
-- older than the retention (shared::security::RETAIN_DAYS, 365 days; the
-- daily job deletes those, backend/src/housekeeping.rs).
CREATE TABLE security_event (
    id       INTEGER PRIMARY KEY,
    -- RFC 3339 in China Standard Time, as every instant is stored, and only
    -- so (what SQLite reads back to the same text): text order is time
    -- order, and julianday() reads the offset. (D1 refuses long GLOBs.)
    at       TEXT    NOT NULL CHECK (strftime('%Y-%m-%dT%H:%M:%S+08:00', at, '+8 hours') IS at),
    kind     TEXT    NOT NULL CHECK (kind IN ('sign_in', 'sign_out', 'password_changed', 'throttled', 'forbidden',
                 'file_viewed', 'account_created', 'account_changed', 'role_changed', 'password_reset',
                 'settings_changed', 'api_key_issued', 'api_key_revoked', 'sessions_ended')),
    outcome  TEXT    NOT NULL CHECK (outcome IN ('success', 'failure', 'refused', 'limited')),
    staff_id INTEGER REFERENCES staff (id),                           -- NULL: no known member
    username TEXT    NOT NULL DEFAULT '' CHECK (length(username) <= 64), -- as typed, for a failed sign-in
    address  TEXT    NOT NULL DEFAULT '' CHECK (length(address) <= 64),  -- CF-Connecting-IP
    target   TEXT    NOT NULL DEFAULT '' CHECK (length(target) <= 120),  -- account:12, file:34, settings, GET /api/…
    detail   TEXT    NOT NULL DEFAULT '' CHECK (length(detail) <= 200)   -- never a password, token or query code
);
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
