-- Evaluations (好差评) and their rectification, Center statistics kept as
-- counters, and who handles a case. Owned by backend/src/db/evaluation.rs,
-- backend/src/db/stats.rs and backend/src/db/cases.rs.

-- One evaluation per case (the primary key makes a retried rating harmless).
-- review is NULL for positive ratings; for negative ones it follows
-- shared::evaluation::ReviewState.
CREATE TABLE case_evaluation (
    case_id      INTEGER PRIMARY KEY REFERENCES case_record (id),
    level        INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),   -- 1 非常满意 … 5 非常不满意
    comment      TEXT    NOT NULL,
    at           TEXT    NOT NULL,
    review       TEXT    CHECK (review IS NULL OR review IN ('pending_verification', 'dismissed', 'rectifying', 'rectified')),
    office_note  TEXT,                                   -- instructions if upheld, the reason if dismissed
    verified_by  INTEGER REFERENCES staff (id),
    verified_at  TEXT,
    rectify_by   TEXT,                                   -- RFC 3339 end of the last working day
    report       TEXT,
    reported_by  INTEGER REFERENCES staff (id),
    rectified_on TEXT,
    late         INTEGER CHECK (late IS NULL OR late IN (0, 1)),
    CHECK ((level >= 4) = (review IS NOT NULL))
);
-- The office's list of negative reviews, by state, newest first.
CREATE INDEX case_evaluation_by_review ON case_evaluation (review, at) WHERE review IS NOT NULL;

-- Counters per day ('YYYY-MM-DD') and per month ('YYYY-MM'); one column per
-- shared::stats::Counter, added to in the batch of the event they count.
CREATE TABLE case_stats (
    period               TEXT PRIMARY KEY,
    received             INTEGER NOT NULL DEFAULT 0,
    disposed_immediate   INTEGER NOT NULL DEFAULT 0,
    disposed_commitment  INTEGER NOT NULL DEFAULT 0,
    disposed_joint       INTEGER NOT NULL DEFAULT 0,
    disposed_report_up   INTEGER NOT NULL DEFAULT 0,
    disposed_supplement  INTEGER NOT NULL DEFAULT 0,
    disposed_returned    INTEGER NOT NULL DEFAULT 0,
    completed_immediate  INTEGER NOT NULL DEFAULT 0,
    completed_commitment INTEGER NOT NULL DEFAULT 0,
    completed_joint      INTEGER NOT NULL DEFAULT 0,
    completed_report_up  INTEGER NOT NULL DEFAULT 0,
    on_time              INTEGER NOT NULL DEFAULT 0,
    late                 INTEGER NOT NULL DEFAULT 0,
    committed_days       INTEGER NOT NULL DEFAULT 0,
    statutory_days       INTEGER NOT NULL DEFAULT 0,
    evaluated_1          INTEGER NOT NULL DEFAULT 0,
    evaluated_2          INTEGER NOT NULL DEFAULT 0,
    evaluated_3          INTEGER NOT NULL DEFAULT 0,
    evaluated_4          INTEGER NOT NULL DEFAULT 0,
    evaluated_5          INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- The staff member handling a case (承办人): whoever disposed of it, or whom
-- the department head assigned it to.
ALTER TABLE case_record ADD COLUMN assignee_id INTEGER REFERENCES staff (id);

-- A department's inbox reads only its open cases as the lead department,
-- plus the joint cases it assists; rows read stay flat as history grows.
CREATE INDEX case_by_department_state ON case_record (department_id, state, deadline);
CREATE INDEX case_department_assisting ON case_department (department_id, case_id) WHERE lead = 0;
