-- Electronic supervision records (电子监察): one row per case, kind and day,
-- written by the daily scheduled job; INSERT OR IGNORE makes a second run of
-- the same day change nothing. Owned by backend/src/db/warnings.rs.
CREATE TABLE case_warning (
    case_id INTEGER NOT NULL REFERENCES case_record (id),
    day     TEXT    NOT NULL,
    kind    TEXT    NOT NULL CHECK (kind IN ('yellow', 'red', 'deemed')),
    PRIMARY KEY (day, kind, case_id)
) WITHOUT ROWID;
CREATE INDEX case_by_state_submitted ON case_record (state, submitted_at);
