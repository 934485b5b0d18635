-- Supervision (督查督办, DOMAIN.md §6). Owned by backend/src/db/supervision/.
-- Units are the `department` rows. Deadlines here are days (every limit
-- counts working days, to the end of the day in China Standard Time).

-- The office's table of default limits; a missing line takes the value
-- of shared::supervision::limits::default_days.
CREATE TABLE supervision_limit (
    source       TEXT    NOT NULL CHECK (source IN ('people_congress', 'economic_conference', 'executive_meeting',
                     'head_office_meeting', 'leader_instruction', 'higher_office', 'deputy_suggestion', 'cppcc_proposal',
                     'media', 'hotline_hotspot', 'negative_review')),
    priority     TEXT    NOT NULL CHECK (priority IN ('normal', 'urgent', 'critical')),
    working_days INTEGER NOT NULL CHECK (working_days BETWEEN 1 AND 250),
    PRIMARY KEY (source, priority)
) WITHOUT ROWID;

-- Yearly sequences: item numbers, slip numbers per kind, publication issues.
CREATE TABLE supervision_seq (
    name TEXT    NOT NULL,
    year INTEGER NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (name, year)
) WITHOUT ROWID;

CREATE TABLE supervision_item (
    id            INTEGER PRIMARY KEY,
    item_no       TEXT    NOT NULL UNIQUE,     -- DC2026-0007
    source        TEXT    NOT NULL CHECK (source IN ('people_congress', 'economic_conference', 'executive_meeting',
                      'head_office_meeting', 'leader_instruction', 'higher_office', 'deputy_suggestion', 'cppcc_proposal',
                      'media', 'hotline_hotspot', 'negative_review')),
    reference     TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    instruction   TEXT    NOT NULL,
    priority      TEXT    NOT NULL CHECK (priority IN ('normal', 'urgent', 'critical')),
    difficult     INTEGER NOT NULL CHECK (difficult IN (0, 1)),
    leader        TEXT    NOT NULL,
    origin_key    TEXT,                        -- hotspot:…, case:… (forms::Origin::key)
    state         TEXT    NOT NULL CHECK (state IN ('registered', 'in_progress', 'closed')),
    tasks         INTEGER NOT NULL DEFAULT 0,
    open_tasks    INTEGER NOT NULL DEFAULT 0,
    registered_at TEXT    NOT NULL,
    registered_by TEXT    NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1,
    last_change   TEXT    NOT NULL
);
CREATE INDEX supervision_item_state ON supervision_item (state, id);
CREATE INDEX supervision_item_source ON supervision_item (source, id);
-- One item per hand-off: a second registration from the same hot spot or case fails.
CREATE UNIQUE INDEX supervision_item_origin ON supervision_item (origin_key) WHERE origin_key IS NOT NULL;

-- Items by source and state as they stand, kept in each change's batch,
-- so the dashboard never counts the items themselves.
CREATE TABLE supervision_count (
    source TEXT    NOT NULL,
    state  TEXT    NOT NULL,
    items  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (source, state)
) WITHOUT ROWID;

CREATE TABLE supervision_task (
    id               INTEGER PRIMARY KEY,
    task_no          TEXT    NOT NULL UNIQUE,  -- DC2026-0007-2
    item_id          INTEGER NOT NULL REFERENCES supervision_item (id),
    source           TEXT    NOT NULL,         -- the item's, for the dashboard's colours by source
    requirement      TEXT    NOT NULL,
    lead_unit_id     INTEGER NOT NULL REFERENCES department (id),
    responsible      TEXT    NOT NULL,
    supervisor       TEXT    NOT NULL,
    assigned_at      TEXT    NOT NULL,
    started_on       TEXT    NOT NULL,         -- the limit's start (assignment, or a redo)
    limit_days       INTEGER,                  -- working days, when the limit came from the table
    deadline         TEXT    NOT NULL,         -- YYYY-MM-DD, due by the end of that day
    milestones       TEXT    NOT NULL DEFAULT '[]',  -- [{due, text, reached_at}]
    report_day       INTEGER CHECK (report_day IS NULL OR report_day BETWEEN 1 AND 28),
    next_report_due  TEXT,
    watch_date       TEXT    NOT NULL,         -- the first day the daily job may have a slip for it
    state            TEXT    NOT NULL CHECK (state IN ('in_progress', 'reported', 'passed', 'with_leader', 'closed')),
    extension        TEXT    NOT NULL DEFAULT 'none' CHECK (extension IN ('none', 'pending', 'approved', 'refused')),
    extension_days   INTEGER NOT NULL DEFAULT 0,
    extension_reason TEXT    NOT NULL DEFAULT '',
    report_text      TEXT,
    report_at        TEXT,
    report_late      INTEGER NOT NULL DEFAULT 0 CHECK (report_late IN (0, 1)),
    late_reason      TEXT    NOT NULL DEFAULT '',
    check_note       TEXT    NOT NULL DEFAULT '',
    redone           INTEGER NOT NULL DEFAULT 0,
    leader_note      TEXT    NOT NULL DEFAULT '',
    closed_at        TEXT,
    closed_on_time   INTEGER CHECK (closed_on_time IS NULL OR closed_on_time IN (0, 1)),
    follows_task_id  INTEGER REFERENCES supervision_task (id),
    slips            INTEGER NOT NULL DEFAULT 0,
    version          INTEGER NOT NULL DEFAULT 1,
    last_change      TEXT    NOT NULL
);
CREATE INDEX supervision_task_item ON supervision_task (item_id);
CREATE INDEX supervision_task_state ON supervision_task (state, deadline);
-- The office's open tasks by deadline: only open rows, however many closed.
CREATE INDEX supervision_task_open ON supervision_task (deadline, id) WHERE state <> 'closed';
CREATE INDEX supervision_task_watch ON supervision_task (watch_date) WHERE state = 'in_progress';
CREATE INDEX supervision_task_follows ON supervision_task (follows_task_id) WHERE follows_task_id IS NOT NULL;

-- Each unit's part (the lead's too), `open` while the task is, so an
-- inbox reads only open tasks.
CREATE TABLE supervision_part (
    task_id        INTEGER NOT NULL REFERENCES supervision_task (id),
    unit_id        INTEGER NOT NULL REFERENCES department (id),
    role           TEXT    NOT NULL CHECK (role IN ('lead', 'assist')),
    open           INTEGER NOT NULL DEFAULT 1 CHECK (open IN (0, 1)),
    contribution   TEXT    NOT NULL DEFAULT '',
    contributed_at TEXT,
    PRIMARY KEY (task_id, unit_id)
) WITHOUT ROWID;
CREATE INDEX supervision_part_unit ON supervision_part (unit_id, open, task_id);

-- The audit trail: every change of a task, and each item's registration.
CREATE TABLE supervision_event (
    id         INTEGER PRIMARY KEY,
    item_id    INTEGER NOT NULL REFERENCES supervision_item (id),
    task_id    INTEGER REFERENCES supervision_task (id),
    at         TEXT    NOT NULL,
    actor      TEXT    NOT NULL,
    staff_id   INTEGER,
    from_state TEXT,
    to_state   TEXT    NOT NULL,
    note       TEXT    NOT NULL
);
CREATE INDEX supervision_event_task ON supervision_event (task_id, id);
CREATE INDEX supervision_event_item ON supervision_event (item_id, id);

-- Slips as issued (numbered per kind and year), their words kept as sent.
CREATE TABLE supervision_slip (
    id          INTEGER PRIMARY KEY,
    kind        TEXT    NOT NULL CHECK (kind IN ('assignment', 'reminder', 'notice')),
    year        INTEGER NOT NULL,
    seq         INTEGER NOT NULL,              -- numbered per kind and year: 督催〔2026〕12号
    colour      TEXT    NOT NULL CHECK (colour IN ('none', 'blue', 'yellow', 'red')),
    task_id     INTEGER NOT NULL REFERENCES supervision_task (id),
    unit_id     INTEGER NOT NULL REFERENCES department (id),
    reason_key  TEXT    NOT NULL,
    issued_day  TEXT    NOT NULL,
    issued_at   TEXT    NOT NULL,
    item_no     TEXT    NOT NULL,
    item_title  TEXT    NOT NULL,
    requirement TEXT    NOT NULL,
    unit_name   TEXT    NOT NULL,
    responsible TEXT    NOT NULL,
    supervisor  TEXT    NOT NULL,
    deadline    TEXT    NOT NULL,
    why         TEXT    NOT NULL,
    task_no     TEXT    NOT NULL,
    UNIQUE (kind, year, seq)
);
CREATE UNIQUE INDEX supervision_slip_reason ON supervision_slip (task_id, reason_key);
-- At most one reminder or notice a day per task.
CREATE UNIQUE INDEX supervision_slip_daily ON supervision_slip (task_id, issued_day) WHERE kind != 'assignment';
CREATE INDEX supervision_slip_unit ON supervision_slip (unit_id, id);
CREATE INDEX supervision_slip_kind ON supervision_slip (kind, id);

CREATE TABLE supervision_file (
    id           INTEGER PRIMARY KEY,
    item_id      INTEGER NOT NULL REFERENCES supervision_item (id),
    task_id      INTEGER REFERENCES supervision_task (id),
    r2_key       TEXT    NOT NULL UNIQUE,
    file_name    TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    uploaded_at  TEXT    NOT NULL,
    uploaded_by  TEXT    NOT NULL
);
CREATE INDEX supervision_file_item ON supervision_file (item_id);

CREATE TABLE supervision_publication (
    id           INTEGER PRIMARY KEY,
    kind         TEXT    NOT NULL CHECK (kind IN ('bulletin', 'special')),
    year         INTEGER NOT NULL,
    seq          INTEGER NOT NULL,
    title        TEXT    NOT NULL,
    published_on TEXT    NOT NULL,
    summary      TEXT    NOT NULL,
    created_by   TEXT    NOT NULL,
    nonce        TEXT    NOT NULL,              -- the publishing request's, to link its items
    UNIQUE (kind, year, seq)
);

CREATE TABLE supervision_publication_item (
    publication_id INTEGER NOT NULL REFERENCES supervision_publication (id),
    item_id        INTEGER NOT NULL REFERENCES supervision_item (id),
    PRIMARY KEY (publication_id, item_id)
) WITHOUT ROWID;
CREATE INDEX supervision_publication_item_item ON supervision_publication_item (item_id);

-- Counters per day and month (`2026-03-02`, `2026-03`) and unit (0: the
-- county): shared::supervision::figures::Tally.
CREATE TABLE supervision_tally (
    key            TEXT    NOT NULL,
    unit_id        INTEGER NOT NULL,
    items          INTEGER NOT NULL DEFAULT 0,
    assigned       INTEGER NOT NULL DEFAULT 0,
    reported       INTEGER NOT NULL DEFAULT 0,
    reported_late  INTEGER NOT NULL DEFAULT 0,
    redone         INTEGER NOT NULL DEFAULT 0,
    extended       INTEGER NOT NULL DEFAULT 0,
    closed         INTEGER NOT NULL DEFAULT 0,
    closed_on_time INTEGER NOT NULL DEFAULT 0,
    reminders      INTEGER NOT NULL DEFAULT 0,
    notices        INTEGER NOT NULL DEFAULT 0,
    bulletins      INTEGER NOT NULL DEFAULT 0,
    specials       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (key, unit_id)
) WITHOUT ROWID;
