-- Administration (issue 10, DOMAIN.md §9): the county keeps its own data in
-- the app. Owned by backend/src/db/admin/.

-- The county's settings: one row of JSON (shared::admin::settings::
-- CountySettings), empty until the office fills it in; `version` guards
-- against two people saving over each other.
CREATE TABLE county_settings (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    settings   TEXT    NOT NULL,
    version    INTEGER NOT NULL DEFAULT 1,
    last_change TEXT,
    updated_at TEXT,
    updated_by TEXT
);
INSERT INTO county_settings (id, settings) VALUES (1, json('{"county_name":"","office_name":"","centre_name":"",
    "centre_address":"","centre_hours":"","complaint_phone":"","hotline_phone":"",
    "doc_prefixes":{"county_government":"","county_office":"","informal_letter":"","joint_department":"","department":""},
    "yellow_days":2}'));

-- An issued number keeps the prefix it was issued under, whatever the
-- settings say later.
ALTER TABLE document_request ADD COLUMN issued_prefix TEXT;

-- Departments become member units: of a kind, with their window's place,
-- deactivated rather than deleted, versioned for concurrent edits.
ALTER TABLE department ADD COLUMN kind TEXT NOT NULL DEFAULT 'department'
    CHECK (kind IN ('department', 'township', 'other'));
ALTER TABLE department ADD COLUMN window_location TEXT NOT NULL DEFAULT '';
ALTER TABLE department ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
ALTER TABLE department ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
-- The nonce of the last write: the audit row in the same batch is written
-- only where that write landed (as case_record.last_change).
ALTER TABLE department ADD COLUMN last_change TEXT;

-- Named lists of units for distribution ("县政府各部门").
CREATE TABLE unit_group (
    id      INTEGER PRIMARY KEY,
    name    TEXT    NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 1,
    last_change TEXT
);
CREATE TABLE unit_group_member (
    group_id      INTEGER NOT NULL REFERENCES unit_group (id),
    department_id INTEGER NOT NULL REFERENCES department (id),
    PRIMARY KEY (group_id, department_id)
) WITHOUT ROWID;

ALTER TABLE intermediary ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));
ALTER TABLE intermediary ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE intermediary ADD COLUMN last_change TEXT;

-- Accounts: a one-time password must be changed at first sign-in; a
-- version for concurrent edits; a department's staff listed by index.
ALTER TABLE staff ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
ALTER TABLE staff ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE staff ADD COLUMN last_change TEXT;
CREATE INDEX staff_by_department ON staff (department_id, active);
CREATE INDEX staff_session_by_staff ON staff_session (staff_id);

-- The versioned catalogue. `matter` holds the published version's columns
-- (what the public catalogue reads); `matter_version` every version, its
-- content as JSON (shared::admin::catalogue::MatterContent). Materials are
-- kept per published version and never changed, since cases' files point
-- at them; a case names the version it was submitted under.
ALTER TABLE matter ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE matter ADD COLUMN version_id INTEGER;
ALTER TABLE matter_material ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE INDEX matter_material_by_version ON matter_material (matter_id, version, seq);
ALTER TABLE case_record ADD COLUMN matter_version INTEGER NOT NULL DEFAULT 1;

CREATE TABLE matter_version (
    id            INTEGER PRIMARY KEY,
    matter_id     INTEGER REFERENCES matter (id),     -- NULL: a new matter not yet published
    department_id INTEGER NOT NULL REFERENCES department (id),
    number        INTEGER,                            -- set when published
    base_number   INTEGER,                            -- the published version it was drafted from
    state         TEXT    NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'published')),
    content       TEXT    NOT NULL,
    review_note   TEXT    NOT NULL DEFAULT '',
    author        TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    reviewer      TEXT,
    reviewed_at   TEXT,
    rev           INTEGER NOT NULL DEFAULT 1,
    last_change   TEXT,
    UNIQUE (matter_id, number)
);
CREATE INDEX matter_version_by_matter ON matter_version (matter_id, id);
CREATE INDEX matter_version_by_state ON matter_version (state, department_id, id);
-- A published version is history: never edited, never removed.
CREATE TRIGGER matter_version_published_is_kept BEFORE UPDATE ON matter_version WHEN OLD.state = 'published'
BEGIN SELECT RAISE(ABORT, 'a published matter version is never changed'); END;
CREATE TRIGGER matter_version_published_stays BEFORE DELETE ON matter_version WHEN OLD.state = 'published'
BEGIN SELECT RAISE(ABORT, 'a published matter version is never removed'); END;

-- Matters already in the catalogue become their version 1.
INSERT INTO matter_version (matter_id, department_id, number, state, content, author, updated_at, reviewer, reviewed_at)
SELECT m.id, m.department_id, 1, 'published',
       json_object('code', m.code, 'name', m.name, 'department_id', m.department_id, 'class', m.class,
           'legal_basis', m.legal_basis, 'conditions', m.conditions,
           'materials', (SELECT json_group_array(json_object('name', x.name, 'form', x.form, 'copies', x.copies,
                                'required', json(CASE x.required WHEN 1 THEN 'true' ELSE 'false' END), 'note', x.note))
                         FROM (SELECT * FROM matter_material WHERE matter_id = m.id ORDER BY seq) x),
           'procedure', json(m.procedure), 'statutory_days', m.statutory_days, 'committed_days', m.committed_days,
           'fee', m.fee, 'fee_basis', m.fee_basis, 'free', json(CASE m.free WHEN 1 THEN 'true' ELSE 'false' END),
           'result', m.result, 'yellow_days', m.yellow_days, 'form_fields', json(m.form_fields)),
       '系统迁移', strftime('%Y-%m-%dT%H:%M:%S+08:00', 'now', '+8 hours'), '系统迁移', strftime('%Y-%m-%dT%H:%M:%S+08:00', 'now', '+8 hours')
FROM matter m;
UPDATE matter SET version_id = (SELECT id FROM matter_version v WHERE v.matter_id = matter.id AND v.number = 1);
