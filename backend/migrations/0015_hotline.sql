-- The county head's public hotline (DOMAIN.md §3). Owned by
-- backend/src/db/hotline/. Units are the `department` rows (every township
-- and county department is a member unit).

-- The dispatch catalogue: category → lead unit, assisting units, limits by
-- urgency (`24h`, `3wd`: shared::engine::limit::Limit::code).
CREATE TABLE hotline_category (
    id              INTEGER PRIMARY KEY,
    code            TEXT    NOT NULL UNIQUE,
    name            TEXT    NOT NULL,
    grp             TEXT    NOT NULL,
    county_matter   INTEGER NOT NULL CHECK (county_matter IN (0, 1)),
    lead_unit_id    INTEGER REFERENCES department (id),
    assist_unit_ids TEXT    NOT NULL DEFAULT '[]',
    limit_normal    TEXT    NOT NULL,
    limit_urgent    TEXT    NOT NULL,
    limit_critical  TEXT    NOT NULL,
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version         INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE hotline_knowledge (
    id          INTEGER PRIMARY KEY,
    category_id INTEGER REFERENCES hotline_category (id),
    title       TEXT    NOT NULL,
    answer      TEXT    NOT NULL,
    policy_refs TEXT    NOT NULL DEFAULT '',
    uses        INTEGER NOT NULL DEFAULT 0,
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    version     INTEGER NOT NULL DEFAULT 1,
    updated_at  TEXT    NOT NULL
);

CREATE TABLE hotline_ticket (
    id              INTEGER PRIMARY KEY,
    ticket_no       TEXT    NOT NULL UNIQUE,
    code_check      TEXT    NOT NULL,          -- keyed hash of the query code (crypto.rs)
    client_key      TEXT    UNIQUE,            -- the Idempotency-Key it was submitted with
    request_hash    TEXT,                      -- what was submitted under that key
    channel         TEXT    NOT NULL CHECK (channel IN ('phone', 'web', 'letter', 'city_12345', 'missed_call', 'open311')),
    kind            TEXT    NOT NULL CHECK (kind IN ('consultation', 'help', 'complaint', 'report', 'suggestion')),
    urgency         TEXT    NOT NULL CHECK (urgency IN ('normal', 'urgent', 'critical')),
    confidential    INTEGER NOT NULL CHECK (confidential IN (0, 1)),
    city_ticket_no  TEXT    NOT NULL DEFAULT '',
    caller_name     TEXT    NOT NULL,
    caller_phone    TEXT    NOT NULL,
    address         TEXT    NOT NULL,
    address_key     TEXT    NOT NULL,          -- the address without spaces or punctuation (hot spots)
    occurred        TEXT    NOT NULL,
    cause           TEXT    NOT NULL,
    course          TEXT    NOT NULL,
    received_at     TEXT    NOT NULL,
    received_on     TEXT    NOT NULL,          -- its day in China, for periods and hot spots
    state           TEXT    NOT NULL CHECK (state IN
                        ('received', 'escalated', 'dispatched', 'in_progress', 'replied', 'callback', 'closed')),
    close_reason    TEXT    CHECK (close_reason IS NULL OR close_reason IN
                        ('answered', 'redirected', 'merged', 'satisfied', 'basically_satisfied', 'explained', 'unreachable')),
    category_id     INTEGER REFERENCES hotline_category (id),
    lead_unit_id    INTEGER REFERENCES department (id),
    limit_code      TEXT,                      -- the limit that runs, extensions included
    started_at      TEXT,                      -- when it started (dispatch, re-assignment, reopening)
    deadline        TEXT,
    dispatched_at   TEXT,                      -- the first dispatch, for handling time
    extension       TEXT    NOT NULL DEFAULT 'none' CHECK (extension IN ('none', 'pending', 'approved', 'refused')),
    extension_amount INTEGER NOT NULL DEFAULT 0,
    extension_reason TEXT   NOT NULL DEFAULT '',
    reply_text      TEXT,
    reply_policy    TEXT,
    reply_signed_off_by TEXT,
    reply_at        TEXT,
    reopened        INTEGER NOT NULL DEFAULT 0,
    notices         INTEGER NOT NULL DEFAULT 0,     -- 催办 notices after expiry
    callback_tries  INTEGER NOT NULL DEFAULT 0,
    last_callback   TEXT,
    rating          TEXT    CHECK (rating IS NULL OR rating IN ('satisfied', 'basically_satisfied', 'dissatisfied')),
    rating_comment  TEXT,
    merged_into     TEXT,
    knowledge_id    INTEGER REFERENCES hotline_knowledge (id),
    contact_granted INTEGER NOT NULL DEFAULT 0 CHECK (contact_granted IN (0, 1)),
    closed_at       TEXT,
    -- The caller's view, kept in the same batch as each change, so a
    -- look-up reads this one row: JSON array of {at, note}.
    public_timeline TEXT    NOT NULL DEFAULT '[]',
    version         INTEGER NOT NULL DEFAULT 1,
    last_change     TEXT    NOT NULL,
    is_open         INTEGER GENERATED ALWAYS AS (state <> 'closed') VIRTUAL,
    -- The office's queue: what has a deadline by it, the rest by arrival.
    sort_key        TEXT    GENERATED ALWAYS AS (coalesce(deadline, received_at)) VIRTUAL
);
CREATE INDEX hotline_ticket_queue ON hotline_ticket (is_open, sort_key, id);
CREATE INDEX hotline_ticket_closed ON hotline_ticket (is_open, closed_at, id);
CREATE INDEX hotline_ticket_by_phone ON hotline_ticket (caller_phone);
CREATE INDEX hotline_ticket_by_city_no ON hotline_ticket (city_ticket_no) WHERE city_ticket_no <> '';
CREATE INDEX hotline_ticket_by_category ON hotline_ticket (received_on, category_id);
CREATE INDEX hotline_ticket_by_address ON hotline_ticket (received_on, address_key);
CREATE INDEX hotline_ticket_by_state ON hotline_ticket (state, sort_key);

-- A unit's part in a ticket. The ticket's state and deadline are copied in
-- by triggers, so a unit's inbox walks its own index by deadline.
CREATE TABLE hotline_part (
    ticket_id       INTEGER NOT NULL REFERENCES hotline_ticket (id),
    unit_id         INTEGER NOT NULL REFERENCES department (id),
    role            TEXT    NOT NULL CHECK (role IN ('lead', 'assist')),
    state           TEXT    NOT NULL CHECK (state IN ('sent', 'signed', 'return_requested', 'returned', 'contributed')),
    sent_at         TEXT    NOT NULL,
    sign_by         TEXT    NOT NULL,
    signed_at       TEXT,
    signed_late     INTEGER NOT NULL DEFAULT 0,
    return_reason   TEXT    NOT NULL DEFAULT '',
    return_decision TEXT    NOT NULL DEFAULT '',
    contribution    TEXT    NOT NULL DEFAULT '',
    ticket_open     INTEGER NOT NULL DEFAULT 1,
    deadline        TEXT    NOT NULL,
    PRIMARY KEY (ticket_id, unit_id)
) WITHOUT ROWID;
CREATE INDEX hotline_part_inbox ON hotline_part (unit_id, ticket_open, deadline, ticket_id);
CREATE TRIGGER hotline_part_follows_ticket AFTER UPDATE OF state, deadline ON hotline_ticket
BEGIN
    UPDATE hotline_part SET ticket_open = (NEW.state <> 'closed'), deadline = coalesce(NEW.deadline, deadline)
    WHERE ticket_id = NEW.id;
END;

-- Callers of tickets merged into another (every caller kept as a contact).
CREATE TABLE hotline_caller (
    ticket_id   INTEGER NOT NULL REFERENCES hotline_ticket (id),
    from_ticket TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    phone       TEXT    NOT NULL,
    address     TEXT    NOT NULL,
    PRIMARY KEY (ticket_id, from_ticket)
) WITHOUT ROWID;

-- The audit trail: appended, never rewritten.
CREATE TABLE hotline_event (
    id         INTEGER PRIMARY KEY,
    ticket_id  INTEGER NOT NULL REFERENCES hotline_ticket (id),
    at         TEXT    NOT NULL,
    actor      TEXT    NOT NULL,
    staff_id   INTEGER,
    from_state TEXT,
    to_state   TEXT    NOT NULL,
    note       TEXT    NOT NULL,
    public     INTEGER NOT NULL CHECK (public IN (0, 1))
);
CREATE INDEX hotline_event_by_ticket ON hotline_event (ticket_id, id);
CREATE TRIGGER hotline_event_append_only_update BEFORE UPDATE ON hotline_event
BEGIN SELECT RAISE(ABORT, 'hotline_event is append-only'); END;
CREATE TRIGGER hotline_event_append_only_delete BEFORE DELETE ON hotline_event
BEGIN SELECT RAISE(ABORT, 'hotline_event is append-only'); END;

-- Reminders (before expiry) and 催办 notices (after), from the daily job:
-- one per ticket and day, so a rerun or a second run sends nothing twice.
CREATE TABLE hotline_notice (
    ticket_id INTEGER NOT NULL REFERENCES hotline_ticket (id),
    day       TEXT    NOT NULL,
    unit_id   INTEGER NOT NULL REFERENCES department (id),
    kind      TEXT    NOT NULL CHECK (kind IN ('reminder', 'notice')),
    PRIMARY KEY (ticket_id, day)
) WITHOUT ROWID;
CREATE INDEX hotline_notice_by_day ON hotline_notice (day, kind);

-- Counters per day and per month (`YYYY-MM-DD`, `YYYY-MM`) and unit (0:
-- the county), kept in the same batch as each event
-- (shared::hotline::figures).
CREATE TABLE hotline_tally (
    key               TEXT    NOT NULL,
    unit_id           INTEGER NOT NULL,
    received          INTEGER NOT NULL DEFAULT 0,
    dispatched        INTEGER NOT NULL DEFAULT 0,
    signed            INTEGER NOT NULL DEFAULT 0,
    signed_on_time    INTEGER NOT NULL DEFAULT 0,
    returns_requested INTEGER NOT NULL DEFAULT 0,
    returns_rejected  INTEGER NOT NULL DEFAULT 0,
    chased            INTEGER NOT NULL DEFAULT 0,
    reopened          INTEGER NOT NULL DEFAULT 0,
    extended          INTEGER NOT NULL DEFAULT 0,
    answered          INTEGER NOT NULL DEFAULT 0,
    redirected        INTEGER NOT NULL DEFAULT 0,
    merged            INTEGER NOT NULL DEFAULT 0,
    completed         INTEGER NOT NULL DEFAULT 0,
    completed_on_time INTEGER NOT NULL DEFAULT 0,
    handling_hours    INTEGER NOT NULL DEFAULT 0,
    visited           INTEGER NOT NULL DEFAULT 0,
    satisfied         INTEGER NOT NULL DEFAULT 0,
    evaluated         INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (key, unit_id)
) WITHOUT ROWID;

-- Open311 partners' keys: only the SHA-256 of each key is kept.
CREATE TABLE hotline_api_key (
    id         INTEGER PRIMARY KEY,
    partner    TEXT    NOT NULL,
    key_hash   TEXT    NOT NULL UNIQUE,
    hint       TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    created_by TEXT    NOT NULL,
    revoked_at TEXT,
    uses       INTEGER NOT NULL DEFAULT 0
);
