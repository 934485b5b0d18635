-- Efficiency complaints (效能投诉, DOMAIN.md §6). Owned by
-- backend/src/db/complaints/. Units are the `department` rows. (0017 is
-- the supervision wing's.)

CREATE TABLE complaint (
    id               INTEGER PRIMARY KEY,
    complaint_no     TEXT    NOT NULL UNIQUE,
    code_check       TEXT,                      -- keyed hash of the query code; NULL: anonymous, no code issued
    client_key       TEXT    UNIQUE,            -- the Idempotency-Key it was submitted with
    request_hash     TEXT,
    channel          TEXT    NOT NULL CHECK (channel IN ('web', 'phone', 'letter', 'visit')),
    kind             TEXT    NOT NULL CHECK (kind IN ('consultation', 'complaint')),
    anonymous        INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
    -- The complainant's identity: read only for the office's complaint
    -- staff (shared::complaints::privacy); never copied elsewhere.
    name             TEXT    NOT NULL DEFAULT '',
    phone            TEXT    NOT NULL DEFAULT '',
    id_number        TEXT    NOT NULL DEFAULT '',
    subject          TEXT    NOT NULL,
    cause            TEXT    NOT NULL,
    course           TEXT    NOT NULL,
    received_at      TEXT    NOT NULL,
    received_on      TEXT    NOT NULL,
    accept_by        TEXT    NOT NULL,          -- the acceptance decision's deadline
    state            TEXT    NOT NULL CHECK (state IN ('received', 'handling', 'investigated', 'replied', 'closed')),
    close_reason     TEXT    CHECK (close_reason IS NULL OR close_reason IN
                         ('answered', 'not_accepted', 'transferred_out', 'concluded', 'satisfied', 'not_visited')),
    mode             TEXT    CHECK (mode IS NULL OR mode IN ('office', 'assigned', 'transferred')),
    unit_id          INTEGER REFERENCES department (id),   -- the handling unit (交办 / 转办)
    instruction      TEXT    NOT NULL DEFAULT '',
    decision         TEXT    NOT NULL DEFAULT '',          -- the answer, the reason not accepted, or where transferred
    started_at       TEXT,
    deadline         TEXT,
    extension        TEXT    NOT NULL DEFAULT 'none' CHECK (extension IN ('none', 'pending', 'approved', 'refused')),
    extension_reason TEXT    NOT NULL DEFAULT '',
    finding          TEXT    CHECK (finding IS NULL OR finding IN ('true', 'partly_true', 'untrue')),
    people           TEXT    NOT NULL DEFAULT '',
    facts            TEXT    NOT NULL DEFAULT '',
    investigated_at  TEXT,
    notice           TEXT    CHECK (notice IS NULL OR notice IN ('fault', 'serious_fault')),
    sanction         TEXT    CHECK (sanction IS NULL OR sanction IN
                         ('criticism', 'written_self_criticism', 'circular_criticism', 'rectification', 'disciplinary')),
    reward           INTEGER NOT NULL DEFAULT 0 CHECK (reward IN (0, 1)),
    held             INTEGER NOT NULL DEFAULT 0 CHECK (held IN (0, 1)),
    result           TEXT,
    concluded_at     TEXT,
    concluded_late   INTEGER NOT NULL DEFAULT 0,
    last_callback    TEXT    CHECK (last_callback IS NULL OR last_callback IN ('satisfied', 'redo', 'unreachable')),
    redone           INTEGER NOT NULL DEFAULT 0,
    closed_at        TEXT,
    -- The complainant's view, kept in the same batch as each change: JSON
    -- array of {at, note}; never a name.
    public_timeline  TEXT    NOT NULL DEFAULT '[]',
    version          INTEGER NOT NULL DEFAULT 1,
    last_change      TEXT    NOT NULL,
    is_open          INTEGER GENERATED ALWAYS AS (state <> 'closed') VIRTUAL,
    sort_key         TEXT    GENERATED ALWAYS AS (coalesce(deadline, accept_by)) VIRTUAL,
    -- An anonymous complaint never has a code; a named one always.
    CHECK ((anonymous = 1) = (code_check IS NULL)),
    CHECK (anonymous = 0 OR (name = '' AND phone = '' AND id_number = ''))
);
CREATE INDEX complaint_queue ON complaint (is_open, sort_key, id);
CREATE INDEX complaint_closed ON complaint (is_open, closed_at, id);
CREATE INDEX complaint_by_unit ON complaint (unit_id, is_open, sort_key, id) WHERE unit_id IS NOT NULL;

-- The units complained about, as the investigation names them.
CREATE TABLE complaint_subject (
    complaint_id INTEGER NOT NULL REFERENCES complaint (id),
    unit_id      INTEGER NOT NULL REFERENCES department (id),
    PRIMARY KEY (complaint_id, unit_id)
) WITHOUT ROWID;

-- Evidence files in R2 (keys generated, names kept as cleaned data).
CREATE TABLE complaint_evidence (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaint (id),
    r2_key       TEXT    NOT NULL UNIQUE,
    file_name    TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    at           TEXT    NOT NULL,
    staff_id     INTEGER
);
CREATE INDEX complaint_evidence_by_complaint ON complaint_evidence (complaint_id, id);

-- The audit trail: appended, never rewritten; no complainant's identity
-- in it (the complainant acts as `投诉人`).
CREATE TABLE complaint_event (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaint (id),
    at           TEXT    NOT NULL,
    actor        TEXT    NOT NULL,
    staff_id     INTEGER,
    from_state   TEXT,
    to_state     TEXT    NOT NULL,
    note         TEXT    NOT NULL,
    public       INTEGER NOT NULL CHECK (public IN (0, 1))
);
CREATE INDEX complaint_event_by_complaint ON complaint_event (complaint_id, id);
CREATE TRIGGER complaint_event_append_only_update BEFORE UPDATE ON complaint_event
BEGIN SELECT RAISE(ABORT, 'complaint_event is append-only'); END;
CREATE TRIGGER complaint_event_append_only_delete BEFORE DELETE ON complaint_event
BEGIN SELECT RAISE(ABORT, 'complaint_event is append-only'); END;

-- Counters per day and month (`YYYY-MM-DD`, `YYYY-MM`) and unit (0: the
-- county), kept in the same batch as each event
-- (shared::complaints::figures).
CREATE TABLE complaint_tally (
    key               TEXT    NOT NULL,
    unit_id           INTEGER NOT NULL,
    received          INTEGER NOT NULL DEFAULT 0,
    consultations     INTEGER NOT NULL DEFAULT 0,
    answered          INTEGER NOT NULL DEFAULT 0,
    complaints        INTEGER NOT NULL DEFAULT 0,
    accepted          INTEGER NOT NULL DEFAULT 0,
    not_accepted      INTEGER NOT NULL DEFAULT 0,
    transferred_out   INTEGER NOT NULL DEFAULT 0,
    assigned          INTEGER NOT NULL DEFAULT 0,
    extended          INTEGER NOT NULL DEFAULT 0,
    investigated      INTEGER NOT NULL DEFAULT 0,
    upheld            INTEGER NOT NULL DEFAULT 0,
    concluded         INTEGER NOT NULL DEFAULT 0,
    concluded_on_time INTEGER NOT NULL DEFAULT 0,
    redone            INTEGER NOT NULL DEFAULT 0,
    rewarded          INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (key, unit_id)
) WITHOUT ROWID;
