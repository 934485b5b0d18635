-- The deadline ledger of accepted cases: pauses and extensions, from which
-- case_record.deadline is derived (shared::ledger) and kept up to date, so
-- the inbox sorts by it without recomputing. Owned by backend/src/db/ledger.rs.

CREATE TABLE case_pause (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES case_record (id),
    reason     TEXT    NOT NULL CHECK (reason IN ('supplement', 'hearing', 'testing', 'expert_review', 'site_survey')),
    from_date  TEXT    NOT NULL,
    resumed_on TEXT,                               -- NULL while paused
    paused_by  INTEGER REFERENCES staff (id),
    resumed_by INTEGER REFERENCES staff (id)
);
CREATE INDEX case_pause_by_case ON case_pause (case_id);

CREATE TABLE case_extension (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES case_record (id),
    days         INTEGER NOT NULL CHECK (days BETWEEN 1 AND 10),
    reason       TEXT    NOT NULL,
    requested_by INTEGER REFERENCES staff (id),
    requested_at TEXT    NOT NULL,
    state        TEXT    NOT NULL CHECK (state IN ('pending', 'approved', 'refused')),
    decided_by   INTEGER REFERENCES staff (id),
    decided_at   TEXT
);
CREATE INDEX case_extension_by_case ON case_extension (case_id);

ALTER TABLE case_record ADD COLUMN paused INTEGER NOT NULL DEFAULT 0;
ALTER TABLE case_record ADD COLUMN completed_on TEXT;
ALTER TABLE case_record ADD COLUMN completed_late INTEGER;
ALTER TABLE case_record ADD COLUMN result TEXT;
