-- Online applications and their handling (办件). Owned by
-- backend/src/db/cases.rs and backend/src/db/staff.rs.

-- Extra fields a matter's application form asks for: JSON array of
-- shared::application::FormField.
ALTER TABLE matter ADD COLUMN form_fields TEXT NOT NULL DEFAULT '[]';

CREATE TABLE case_record (
    id               INTEGER PRIMARY KEY,
    case_no          TEXT    NOT NULL UNIQUE,
    query_code_hash  TEXT    NOT NULL,          -- SHA-256 hex of the applicant's query code
    matter_id        INTEGER NOT NULL REFERENCES matter (id),
    department_id    INTEGER NOT NULL REFERENCES department (id),   -- the lead department
    state            TEXT    NOT NULL CHECK (state IN
                         ('submitted', 'awaiting_supplement', 'in_progress', 'reported_up', 'completed', 'returned')),
    class            TEXT    CHECK (class IS NULL OR class IN
                         ('immediate', 'commitment', 'joint', 'report_up', 'supplement', 'returned')),
    applicant_kind   TEXT    NOT NULL CHECK (applicant_kind IN ('person', 'organisation')),
    applicant_name   TEXT    NOT NULL,
    id_number        TEXT    NOT NULL,
    mobile           TEXT    NOT NULL,
    address          TEXT    NOT NULL,
    fields           TEXT    NOT NULL,          -- JSON object of the matter's extra fields
    submitted_at     TEXT    NOT NULL,          -- RFC 3339, +08:00
    accepted_on      TEXT,                      -- the clock's start (commitment, joint)
    committed_days   INTEGER,
    deadline         TEXT,                      -- RFC 3339 end of the last working day
    supplement_items TEXT    NOT NULL DEFAULT '[]',
    return_reasons   TEXT,
    report_authority TEXT,
    -- Optimistic concurrency: a write names the version it read. last_change
    -- is the nonce of the last write, so the audit insert in the same batch
    -- runs only if that write's UPDATE did.
    version          INTEGER NOT NULL DEFAULT 1,
    last_change      TEXT    NOT NULL
);

-- Which departments see a case: the lead, and co-departments of a joint case.
CREATE TABLE case_department (
    department_id INTEGER NOT NULL REFERENCES department (id),
    case_id       INTEGER NOT NULL REFERENCES case_record (id),
    lead          INTEGER NOT NULL CHECK (lead IN (0, 1)),
    PRIMARY KEY (department_id, case_id)
) WITHOUT ROWID;

CREATE TABLE case_file (
    id            INTEGER PRIMARY KEY,
    case_id       INTEGER NOT NULL REFERENCES case_record (id),
    material_id   INTEGER NOT NULL REFERENCES matter_material (id),
    round         INTEGER NOT NULL,            -- 0: the application; n: the n-th supplement
    r2_key        TEXT    NOT NULL UNIQUE,
    file_name     TEXT    NOT NULL,
    content_type  TEXT    NOT NULL,
    size          INTEGER NOT NULL,
    uploaded_at   TEXT    NOT NULL
);
CREATE INDEX case_file_by_case ON case_file (case_id);

-- The audit trail: appended, never rewritten.
CREATE TABLE case_event (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES case_record (id),
    at         TEXT    NOT NULL,
    actor      TEXT    NOT NULL,
    staff_id   INTEGER,
    from_state TEXT,
    to_state   TEXT    NOT NULL,
    note       TEXT    NOT NULL
);
CREATE INDEX case_event_by_case ON case_event (case_id, id);
CREATE TRIGGER case_event_append_only_update BEFORE UPDATE ON case_event
BEGIN SELECT RAISE(ABORT, 'case_event is append-only'); END;
CREATE TRIGGER case_event_append_only_delete BEFORE DELETE ON case_event
BEGIN SELECT RAISE(ABORT, 'case_event is append-only'); END;

-- Idempotent submission: the key is claimed first; the receipt is stored in
-- the same batch that creates the case.
CREATE TABLE idempotency (
    key          TEXT PRIMARY KEY,
    request_hash TEXT NOT NULL,
    receipt      TEXT,                          -- JSON shared::case::Receipt, once stored
    created_at   TEXT NOT NULL
);

CREATE TABLE staff (
    id            INTEGER PRIMARY KEY,
    username      TEXT    NOT NULL UNIQUE,
    name          TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('window_staff', 'department_head', 'office_admin')),
    department_id INTEGER REFERENCES department (id),     -- NULL for the office
    password_hash TEXT    NOT NULL,             -- PBKDF2-HMAC-SHA256, hex
    salt          TEXT    NOT NULL,             -- hex
    iterations    INTEGER NOT NULL,
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    CHECK ((role = 'office_admin') = (department_id IS NULL))
);

CREATE TABLE staff_session (
    token_hash TEXT    PRIMARY KEY,             -- SHA-256 hex of the cookie's token
    staff_id   INTEGER NOT NULL REFERENCES staff (id),
    expires_at INTEGER NOT NULL                 -- Unix seconds
);

-- Fixed-window counters for sign-in attempts and public look-ups.
CREATE TABLE throttle (
    key          TEXT    PRIMARY KEY,
    window_start INTEGER NOT NULL,              -- Unix seconds
    count        INTEGER NOT NULL
);
