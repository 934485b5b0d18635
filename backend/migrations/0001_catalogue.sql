-- The public catalogue (办事指南): departments stationed in the Center, the
-- intermediaries beside them, and the matters each department handles with
-- their nine disclosures (DOMAIN.md §1). Owned by backend/src/db/catalogue.rs.

CREATE TABLE department (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL UNIQUE,
    window       TEXT    NOT NULL,               -- its service desk, e.g. "5号窗口"
    window_staff INTEGER NOT NULL CHECK (window_staff >= 0),
    phone        TEXT    NOT NULL,
    sort         INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE intermediary (
    id      INTEGER PRIMARY KEY,
    name    TEXT    NOT NULL UNIQUE,
    service TEXT    NOT NULL,                    -- surveying, appraisal, drafting…
    staff   INTEGER NOT NULL CHECK (staff >= 0)
);

CREATE TABLE matter (
    id              INTEGER PRIMARY KEY,
    code            TEXT    NOT NULL UNIQUE,
    department_id   INTEGER NOT NULL REFERENCES department (id),
    name            TEXT    NOT NULL,
    class           TEXT    NOT NULL CHECK (class IN
                        ('immediate', 'commitment', 'joint', 'report_up', 'supplement', 'returned')),
    legal_basis     TEXT    NOT NULL,
    conditions      TEXT    NOT NULL,
    procedure       TEXT    NOT NULL,            -- JSON array of steps
    statutory_days  INTEGER NOT NULL CHECK (statutory_days BETWEEN 0 AND 365),
    -- the committed limit is never longer than the statutory one
    committed_days  INTEGER NOT NULL CHECK (committed_days BETWEEN 0 AND statutory_days),
    fee             TEXT    NOT NULL,
    fee_basis       TEXT    NOT NULL,
    free            INTEGER NOT NULL CHECK (free IN (0, 1)),
    result          TEXT    NOT NULL,
    complaint_phone TEXT    NOT NULL,
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort            INTEGER NOT NULL DEFAULT 0
);

-- The catalogue filtered by department reads only that department's rows.
CREATE INDEX matter_by_department ON matter (department_id, active, sort);

CREATE TABLE matter_material (
    id        INTEGER PRIMARY KEY,
    matter_id INTEGER NOT NULL REFERENCES matter (id),
    seq       INTEGER NOT NULL,
    name      TEXT    NOT NULL,
    form      TEXT    NOT NULL CHECK (form IN ('original', 'copy', 'original_and_copy')),
    copies    INTEGER NOT NULL CHECK (copies >= 1),
    required  INTEGER NOT NULL CHECK (required IN (0, 1)),
    note      TEXT    NOT NULL DEFAULT '',
    UNIQUE (matter_id, seq)
);
