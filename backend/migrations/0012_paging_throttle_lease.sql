-- The solid base (issue 9): paged lists and search, throttles by address,
-- leases on submission claims, and deadlines re-derived after a calendar change.

-- Inbox pages: a keyset over (due_key, submitted_at, id) walked straight off
-- an index, per department and across departments (the office). Cases with
-- no deadline sort last ('~' sorts after every digit). A plain column, not
-- an index on the expression: SQLite starts a row-value range only there.
ALTER TABLE case_record ADD COLUMN due_key TEXT GENERATED ALWAYS AS (ifnull(deadline, '~')) VIRTUAL;
CREATE INDEX case_page_by_department ON case_record (department_id, state, due_key, submitted_at, id);
CREATE INDEX case_page_by_state ON case_record (state, due_key, submitted_at, id);
-- Window staff find a case by number (unique already), mobile or name.
CREATE INDEX case_by_mobile ON case_record (mobile);
CREATE INDEX case_by_department_name ON case_record (department_id, applicant_name);
CREATE INDEX case_by_name ON case_record (applicant_name);

-- A case's departments by case (the triggers below and a case's look-up
-- find them without reading every link).
CREATE INDEX case_department_by_case ON case_department (case_id);

-- The assisting departments' inbox walks their links by state: each link
-- carries its case's state, kept by the triggers below.
ALTER TABLE case_department ADD COLUMN state TEXT;
UPDATE case_department SET state = (SELECT state FROM case_record WHERE id = case_department.case_id);
CREATE INDEX case_department_assisting_state ON case_department (department_id, state, case_id) WHERE lead = 0;

-- Page totals without counting: cases per (department, lead or assisting,
-- state), kept by triggers so no write path can forget it.
CREATE TABLE case_tally (
    department_id INTEGER NOT NULL,
    lead          INTEGER NOT NULL,
    state         TEXT    NOT NULL,
    n             INTEGER NOT NULL,
    PRIMARY KEY (department_id, lead, state)
) WITHOUT ROWID;
INSERT INTO case_tally (department_id, lead, state, n)
    SELECT cd.department_id, cd.lead, c.state, count(*) FROM case_department cd JOIN case_record c ON c.id = cd.case_id
    GROUP BY cd.department_id, cd.lead, c.state;
CREATE TRIGGER case_tally_on_link AFTER INSERT ON case_department
BEGIN
    UPDATE case_department SET state = (SELECT state FROM case_record WHERE id = NEW.case_id)
        WHERE department_id = NEW.department_id AND case_id = NEW.case_id;
    INSERT INTO case_tally (department_id, lead, state, n)
        SELECT NEW.department_id, NEW.lead, state, 1 FROM case_record WHERE id = NEW.case_id
        ON CONFLICT (department_id, lead, state) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER case_tally_on_state AFTER UPDATE OF state ON case_record WHEN OLD.state <> NEW.state
BEGIN
    UPDATE case_department SET state = NEW.state WHERE case_id = NEW.id;
    UPDATE case_tally SET n = n - 1
        WHERE state = OLD.state AND (department_id, lead) IN (SELECT department_id, lead FROM case_department WHERE case_id = NEW.id);
    INSERT INTO case_tally (department_id, lead, state, n)
        SELECT department_id, lead, NEW.state, 1 FROM case_department WHERE case_id = NEW.id
        ON CONFLICT (department_id, lead, state) DO UPDATE SET n = n + 1;
END;

-- Sign-in throttling with growing delays: when the last failure was.
ALTER TABLE throttle ADD COLUMN last_at INTEGER NOT NULL DEFAULT 0;

-- A submission's claim is a lease: a retry after it lapses takes over, and
-- removes the files the lost attempt stored under its case number.
ALTER TABLE idempotency ADD COLUMN claimed_at INTEGER NOT NULL DEFAULT 0;   -- Unix seconds
ALTER TABLE idempotency ADD COLUMN case_no TEXT;                            -- the attempt's case number

-- Open cases whose deadline a calendar change may move, re-derived in
-- bounded steps: one row per saved year while work remains.
CREATE TABLE deadline_rederive (
    year       INTEGER PRIMARY KEY,
    after_at   TEXT    NOT NULL DEFAULT '',   -- keyset: the last case done (submitted_at, id)
    after_id   INTEGER NOT NULL DEFAULT 0,
    started_at TEXT    NOT NULL
);
