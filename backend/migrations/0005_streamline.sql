-- Streamlining meetings and documents (精简会议文件). Owned by
-- backend/src/db/streamline.rs. The counters are maintained in the same
-- batch as the records they count, so dashboards never scan records.

-- The annual meeting plan; a meeting that names no plan item is 计划外.
CREATE TABLE meeting_plan_item (
    id     INTEGER PRIMARY KEY,
    year   INTEGER NOT NULL,
    title  TEXT    NOT NULL,
    class  TEXT    NOT NULL CHECK (class IN ('class1', 'class2')),
    month  INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12)
);
CREATE INDEX meeting_plan_by_year ON meeting_plan_item (year, month);

CREATE TABLE meeting (
    id                      INTEGER PRIMARY KEY,
    title                   TEXT    NOT NULL,
    organiser_department_id INTEGER REFERENCES department (id),   -- NULL: the office itself
    date                    TEXT    NOT NULL,
    duration_minutes        INTEGER NOT NULL,
    participants            TEXT    NOT NULL,
    class                   TEXT    NOT NULL CHECK (class IN ('class1', 'class2')),
    approved_by             TEXT    NOT NULL CHECK (approved_by IN
                                ('executive_meeting', 'county_head_office_meeting', 'county_head', 'executive_deputy_county_head')),
    approval_date           TEXT    NOT NULL,
    approval_ref            TEXT    NOT NULL,
    plan_item_id            INTEGER REFERENCES meeting_plan_item (id),
    registered_by           INTEGER REFERENCES staff (id),
    registered_at           TEXT    NOT NULL,
    -- the class rule (shared::streamline::may_approve), enforced here too
    CHECK ((class = 'class1' AND approved_by IN ('executive_meeting', 'county_head_office_meeting'))
        OR (class = 'class2' AND approved_by IN ('county_head_office_meeting', 'county_head', 'executive_deputy_county_head')))
);
CREATE INDEX meeting_by_date ON meeting (date);

CREATE TABLE document_request (
    id                          INTEGER PRIMARY KEY,
    subject                     TEXT    NOT NULL,
    proposed_level              TEXT    NOT NULL,
    suggested_level             TEXT    NOT NULL,
    drafting_departments        TEXT    NOT NULL,     -- JSON array of department ids, lead first
    within_one_department       INTEGER NOT NULL CHECK (within_one_department IN (0, 1)),
    needs_government_authority  INTEGER NOT NULL CHECK (needs_government_authority IN (0, 1)),
    nature                      TEXT    NOT NULL CHECK (nature IN ('policy', 'work_arrangement', 'correspondence')),
    length_chars                INTEGER NOT NULL,
    requested_by                INTEGER REFERENCES staff (id),
    requested_at                TEXT    NOT NULL,
    state                       TEXT    NOT NULL CHECK (state IN ('pending', 'issued', 'refused')),
    issued_level                TEXT,
    issued_seq                  INTEGER,              -- the n in 示政发〔2026〕n号
    issued_on                   TEXT,
    review_reason               TEXT,
    reviewed_by                 INTEGER REFERENCES staff (id),
    version                     INTEGER NOT NULL DEFAULT 1,
    last_change                 TEXT    NOT NULL
);
CREATE INDEX document_by_state ON document_request (state, requested_at);
CREATE INDEX document_by_issue ON document_request (issued_on);

-- The next number per issuing level and year.
CREATE TABLE document_number_seq (
    level TEXT    NOT NULL,
    year  INTEGER NOT NULL,
    last  INTEGER NOT NULL,
    PRIMARY KEY (level, year)
) WITHOUT ROWID;

-- Annual quotas per meeting class ('meeting', 'class1') and document level
-- ('document', 'county_office'), set by the office admin.
CREATE TABLE quota (
    year       INTEGER NOT NULL,
    kind       TEXT    NOT NULL CHECK (kind IN ('meeting', 'document')),
    category   TEXT    NOT NULL,
    quota      INTEGER NOT NULL CHECK (quota >= 0),
    updated_by INTEGER REFERENCES staff (id),
    updated_at TEXT    NOT NULL,
    PRIMARY KEY (year, kind, category)
) WITHOUT ROWID;

-- Maintained counts: meetings by date and class, issued documents by issue
-- date and level.
CREATE TABLE register_month (
    kind     TEXT    NOT NULL,
    year     INTEGER NOT NULL,
    month    INTEGER NOT NULL,
    category TEXT    NOT NULL,
    count    INTEGER NOT NULL,
    PRIMARY KEY (kind, year, month, category)
) WITHOUT ROWID;

CREATE TABLE register_day (
    kind     TEXT    NOT NULL,
    day      TEXT    NOT NULL,                  -- YYYY-MM-DD
    category TEXT    NOT NULL,
    count    INTEGER NOT NULL,
    PRIMARY KEY (kind, day, category)
) WITHOUT ROWID;

-- The office's audit trail for meetings, documents, quotas and the plan:
-- appended in the same batch as the change it records, never rewritten.
CREATE TABLE office_event (
    id       INTEGER PRIMARY KEY,
    at       TEXT    NOT NULL,
    staff_id INTEGER REFERENCES staff (id),
    action   TEXT    NOT NULL,      -- register_meeting, request_document, review_document, set_quota, add_plan_item
    subject  TEXT    NOT NULL,      -- what it concerns, in words
    detail   TEXT    NOT NULL
);
CREATE TRIGGER office_event_append_only_update BEFORE UPDATE ON office_event
BEGIN SELECT RAISE(ABORT, 'office_event is append-only'); END;
CREATE TRIGGER office_event_append_only_delete BEFORE DELETE ON office_event
BEGIN SELECT RAISE(ABORT, 'office_event is append-only'); END;
