-- Information and research (信息调研, DOMAIN.md §7). Owned by
-- backend/src/db/information/. Units are the `department` rows. (0021 is
-- the other wing's.)

-- The office's publications, numbered per kind and year.
CREATE TABLE info_issue (
    id           INTEGER PRIMARY KEY,
    kind         TEXT    NOT NULL CHECK (kind IN ('bulletin', 'special', 'supplement')),
    year         INTEGER NOT NULL,
    seq          INTEGER NOT NULL,
    number       TEXT    NOT NULL UNIQUE,
    title        TEXT    NOT NULL,
    published_on TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    -- The nonce of the write that made the row: its counters are added only
    -- where this is the write's own (a lost race adds nothing).
    last_change  TEXT,
    UNIQUE (kind, year, seq)
);
CREATE INDEX info_issue_by_year ON info_issue (year, id);

CREATE TABLE info_item (
    id            INTEGER PRIMARY KEY,
    item_no       TEXT    NOT NULL UNIQUE,
    year          INTEGER NOT NULL,
    seq           INTEGER NOT NULL,
    unit_id       INTEGER NOT NULL REFERENCES department (id),   -- the submitting unit
    title         TEXT    NOT NULL,
    body          TEXT    NOT NULL,
    category      TEXT    NOT NULL CHECK (category IN ('news', 'experience', 'problem', 'suggestion', 'urgent')),
    writer        TEXT    NOT NULL,
    writer_phone  TEXT    NOT NULL,
    signed_off_by TEXT    NOT NULL,
    submitted_at  TEXT    NOT NULL,
    state         TEXT    NOT NULL CHECK (state IN ('submitted', 'returned', 'adopted', 'declined')),
    issue_id      INTEGER REFERENCES info_issue (id),
    -- The year its points count in (the issue's), once adopted.
    score_year    INTEGER,
    reason        TEXT    NOT NULL DEFAULT '',
    forwarded     TEXT    NOT NULL DEFAULT '[]',   -- JSON array of levels (转报)
    adopted_by    TEXT    NOT NULL DEFAULT '[]',   -- JSON array of levels that adopted it
    -- An urgent item's timing (shared::information::emergency): the event,
    -- its grade, which report, the first report's number, late or not.
    event_at      TEXT,
    grade         TEXT    CHECK (grade IS NULL OR grade IN ('ordinary', 'major', 'grave', 'extreme')),
    report_kind   TEXT    CHECK (report_kind IS NULL OR report_kind IN ('first', 'follow_up', 'final')),
    first_no      TEXT,
    late          INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
    version       INTEGER NOT NULL DEFAULT 1,
    last_change   TEXT    NOT NULL,
    UNIQUE (year, seq),
    CHECK ((state = 'adopted') = (issue_id IS NOT NULL))
);
CREATE INDEX info_item_by_state ON info_item (state, id);
CREATE INDEX info_item_urgent ON info_item (year, first_no, id) WHERE first_no IS NOT NULL;
CREATE INDEX info_item_by_issue ON info_item (issue_id, id) WHERE issue_id IS NOT NULL;

-- Each unit's share of an item (100 for one unit alone; a joint item's
-- add up to 100, checked in shared::information::item::shares_of).
CREATE TABLE info_share (
    item_id INTEGER NOT NULL REFERENCES info_item (id),
    unit_id INTEGER NOT NULL REFERENCES department (id),
    percent INTEGER NOT NULL CHECK (percent BETWEEN 1 AND 100),
    PRIMARY KEY (item_id, unit_id)
) WITHOUT ROWID;
CREATE INDEX info_share_by_unit ON info_share (unit_id, item_id);

-- The audit trail: appended, never rewritten.
CREATE TABLE info_event (
    id         INTEGER PRIMARY KEY,
    item_id    INTEGER NOT NULL REFERENCES info_item (id),
    at         TEXT    NOT NULL,
    actor      TEXT    NOT NULL,
    staff_id   INTEGER,
    from_state TEXT,
    to_state   TEXT    NOT NULL,
    note       TEXT    NOT NULL,
    public     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX info_event_by_item ON info_event (item_id, id);
CREATE TRIGGER info_event_append_only_update BEFORE UPDATE ON info_event
BEGIN SELECT RAISE(ABORT, 'info_event is append-only'); END;
CREATE TRIGGER info_event_append_only_delete BEFORE DELETE ON info_event
BEGIN SELECT RAISE(ABORT, 'info_event is append-only'); END;

-- Score events: points (hundredths) a unit earned or lost, and the count
-- (+1, or -1 when taken back). Totals are sums of these; nothing else.
CREATE TABLE info_score_event (
    id      INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES info_item (id),
    unit_id INTEGER NOT NULL,
    year    INTEGER NOT NULL,
    reason  TEXT    NOT NULL CHECK (reason IN ('issue', 'higher', 'instruction')),
    points  INTEGER NOT NULL,
    n       INTEGER NOT NULL,
    at      TEXT    NOT NULL
);
CREATE INDEX info_score_event_by_item ON info_score_event (item_id, unit_id);
CREATE INDEX info_score_event_by_unit ON info_score_event (year, unit_id);
CREATE TRIGGER info_score_event_append_only_update BEFORE UPDATE ON info_score_event
BEGIN SELECT RAISE(ABORT, 'info_score_event is append-only'); END;
CREATE TRIGGER info_score_event_append_only_delete BEFORE DELETE ON info_score_event
BEGIN SELECT RAISE(ABORT, 'info_score_event is append-only'); END;

-- Each unit's year, recomputed from its score events in the batch that
-- adds them (and its submissions counted in the submission's batch), so
-- the league table reads flat rows.
CREATE TABLE info_score (
    year         INTEGER NOT NULL,
    unit_id      INTEGER NOT NULL,
    submitted    INTEGER NOT NULL DEFAULT 0,
    points       INTEGER NOT NULL DEFAULT 0,
    adopted      INTEGER NOT NULL DEFAULT 0,
    higher       INTEGER NOT NULL DEFAULT 0,
    instructions INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (year, unit_id)
) WITHOUT ROWID;

-- The scoring rules of a year (shared::information::scoring::ScoreRules
-- as JSON); a year without a row uses the defaults.
CREATE TABLE info_rules (
    year  INTEGER PRIMARY KEY,
    rules TEXT    NOT NULL
);

-- Counters per day and month (`YYYY-MM-DD`, `YYYY-MM`) and unit (0: the
-- county), kept in the same batch as each event
-- (shared::information::figures).
CREATE TABLE info_tally (
    key          TEXT    NOT NULL,
    unit_id      INTEGER NOT NULL,
    submitted    INTEGER NOT NULL DEFAULT 0,
    adopted      INTEGER NOT NULL DEFAULT 0,
    withdrawn    INTEGER NOT NULL DEFAULT 0,
    returned     INTEGER NOT NULL DEFAULT 0,
    declined     INTEGER NOT NULL DEFAULT 0,
    bulletins    INTEGER NOT NULL DEFAULT 0,
    specials     INTEGER NOT NULL DEFAULT 0,
    supplements  INTEGER NOT NULL DEFAULT 0,
    forwarded    INTEGER NOT NULL DEFAULT 0,
    higher       INTEGER NOT NULL DEFAULT 0,
    instructions INTEGER NOT NULL DEFAULT 0,
    research     INTEGER NOT NULL DEFAULT 0,
    decisions    INTEGER NOT NULL DEFAULT 0,
    studies      INTEGER NOT NULL DEFAULT 0,
    articles     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (key, unit_id)
) WITHOUT ROWID;

-- Commissioned topics (约稿) and the items that answered them.
CREATE TABLE info_commission (
    id         INTEGER PRIMARY KEY,
    year       INTEGER NOT NULL,
    topic      TEXT    NOT NULL,
    deadline   TEXT    NOT NULL,
    created_at TEXT    NOT NULL
);
CREATE INDEX info_commission_by_year ON info_commission (year, id);
CREATE TABLE info_commission_unit (
    commission_id INTEGER NOT NULL REFERENCES info_commission (id),
    unit_id       INTEGER NOT NULL REFERENCES department (id),
    item_id       INTEGER REFERENCES info_item (id),   -- the answer, once submitted
    PRIMARY KEY (commission_id, unit_id)
) WITHOUT ROWID;

-- Research reports: one per office writer and quarter; a leader's
-- decision keeps the instruction as its evidence.
CREATE TABLE info_research (
    id           INTEGER PRIMARY KEY,
    year         INTEGER NOT NULL,
    quarter      INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    staff_id     INTEGER NOT NULL REFERENCES staff (id),
    writer       TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    submitted_at TEXT    NOT NULL,
    leader       TEXT,
    instruction  TEXT,
    decided_at   TEXT,
    last_change  TEXT,                          -- as info_issue's
    UNIQUE (year, quarter, staff_id)
);

-- Issues of 《工作研究》 and their articles' titles (JSON array).
CREATE TABLE info_study (
    id           INTEGER PRIMARY KEY,
    year         INTEGER NOT NULL,
    seq          INTEGER NOT NULL,
    number       TEXT    NOT NULL UNIQUE,
    title        TEXT    NOT NULL,
    published_on TEXT    NOT NULL,
    articles     TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    last_change  TEXT,                          -- as info_issue's
    UNIQUE (year, seq)
);
