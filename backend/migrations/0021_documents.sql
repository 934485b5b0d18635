-- Document transmission (电子公文传输, DOMAIN.md §4). Owned by
-- backend/src/db/documents/. Units are the `department` rows; the number
-- comes from the approved `document_request` (0005), never a sequence of
-- its own. (0022 is the other new wing's.)

CREATE TABLE doc_outgoing (
    id             INTEGER PRIMARY KEY,
    doc_key        TEXT    NOT NULL UNIQUE,        -- FW{request_id}
    request_id     INTEGER NOT NULL UNIQUE REFERENCES document_request (id),
    title          TEXT    NOT NULL,
    number         TEXT    NOT NULL,               -- 发文字号, as the request was numbered
    level          TEXT    NOT NULL CHECK (level IN ('county_government', 'county_office', 'informal_letter', 'joint_department', 'department')),
    urgency        TEXT    NOT NULL CHECK (urgency IN ('extra_urgent', 'urgent', 'ordinary')),
    signer         TEXT    NOT NULL,
    -- The sender's statement that it is not classified: required.
    not_classified INTEGER NOT NULL CHECK (not_classified = 1),
    -- Recipients as chosen (JSON {main_units, main_groups, copy_units,
    -- copy_groups}); groups are expanded to units when sent.
    addressees     TEXT    NOT NULL,
    state          TEXT    NOT NULL CHECK (state IN ('draft', 'sent')),
    created_at     TEXT    NOT NULL,
    created_by     INTEGER NOT NULL,
    sent_at        TEXT,
    due_at         TEXT,                           -- every copy's sign-for limit (urgent documents)
    -- Counts kept in the batch of each change (the sender's page never counts rows).
    recipients     INTEGER NOT NULL DEFAULT 0,
    opened         INTEGER NOT NULL DEFAULT 0,
    signed         INTEGER NOT NULL DEFAULT 0,
    returned       INTEGER NOT NULL DEFAULT 0,
    recalled       INTEGER NOT NULL DEFAULT 0,
    -- The receipt chain's last hash and length (db/documents/chain.rs):
    -- every receipt names the head it follows, so two writes never fork it.
    head_hash      TEXT    NOT NULL DEFAULT '',
    receipts       INTEGER NOT NULL DEFAULT 0,
    version        INTEGER NOT NULL DEFAULT 1,
    last_change    TEXT    NOT NULL
);
CREATE INDEX doc_outgoing_newest ON doc_outgoing (created_at, id);

CREATE TABLE doc_file (
    id           INTEGER PRIMARY KEY,
    doc_id       INTEGER NOT NULL REFERENCES doc_outgoing (id),
    kind         TEXT    NOT NULL CHECK (kind IN ('body', 'attachment')),
    r2_key       TEXT    NOT NULL UNIQUE,
    file_name    TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    at           TEXT    NOT NULL
);
CREATE INDEX doc_file_by_doc ON doc_file (doc_id, id);

-- One row per recipient unit: the sender's page reads these flat rows.
CREATE TABLE doc_recipient (
    id             INTEGER PRIMARY KEY,
    doc_id         INTEGER NOT NULL REFERENCES doc_outgoing (id),
    unit_id        INTEGER NOT NULL REFERENCES department (id),
    role           TEXT    NOT NULL CHECK (role IN ('main', 'copy')),
    state          TEXT    NOT NULL CHECK (state IN ('delivered', 'opened', 'signed', 'handled', 'returned', 'recalled')),
    delivered_at   TEXT    NOT NULL,
    due_at         TEXT,                           -- the sign-for limit of an urgent document
    opened_at      TEXT,
    opened_by      TEXT,
    signed_at      TEXT,
    signed_by      TEXT,
    returned_at    TEXT,
    return_reason  TEXT,
    handled_at     TEXT,
    handled_note   TEXT,
    recalled_at    TEXT,
    chased         INTEGER NOT NULL DEFAULT 0,
    last_chased_at TEXT,
    -- Incoming (收文) once the unit registers its signed copy.
    receive_year   INTEGER,                        -- 收〔year〕n号: n per unit and year (doc_receive_seq)
    receive_seq    INTEGER,
    proposal       TEXT,                           -- 拟办
    instruction    TEXT,                           -- 批示
    instructed_by  TEXT,
    lead           TEXT,                           -- 承办
    lead_due       TEXT,
    version        INTEGER NOT NULL DEFAULT 1,
    UNIQUE (doc_id, unit_id)
);
-- A unit's inbox, newest first.
CREATE INDEX doc_recipient_inbox ON doc_recipient (unit_id, delivered_at, id);

-- The receipt chain: appended, never rewritten (each row's hash covers the
-- one before it, so an edit made around these triggers is still found).
CREATE TABLE doc_receipt (
    id        INTEGER PRIMARY KEY,
    doc_id    INTEGER NOT NULL REFERENCES doc_outgoing (id),
    seq       INTEGER NOT NULL,
    kind      TEXT    NOT NULL CHECK (kind IN ('delivered', 'opened', 'signed', 'handled', 'returned', 'recalled', 'chased')),
    unit_id   INTEGER,
    actor     TEXT    NOT NULL,
    staff_id  INTEGER,
    at        TEXT    NOT NULL,
    note      TEXT    NOT NULL,
    prev_hash TEXT    NOT NULL,
    hash      TEXT    NOT NULL,
    UNIQUE (doc_id, seq)
);
CREATE TRIGGER doc_receipt_append_only_update BEFORE UPDATE ON doc_receipt
BEGIN SELECT RAISE(ABORT, 'doc_receipt is append-only'); END;
CREATE TRIGGER doc_receipt_append_only_delete BEFORE DELETE ON doc_receipt
BEGIN SELECT RAISE(ABORT, 'doc_receipt is append-only'); END;

-- Receiving numbers per unit and year.
CREATE TABLE doc_receive_seq (
    unit_id INTEGER NOT NULL,
    year    INTEGER NOT NULL,
    last    INTEGER NOT NULL,
    PRIMARY KEY (unit_id, year)
) WITHOUT ROWID;

-- Circulation (传阅) of a unit's copy to named staff: where it is, always.
CREATE TABLE doc_circulation (
    id           INTEGER PRIMARY KEY,
    recipient_id INTEGER NOT NULL REFERENCES doc_recipient (id),
    staff_id     INTEGER NOT NULL REFERENCES staff (id),
    reader       TEXT    NOT NULL,
    sent_at      TEXT    NOT NULL,
    read_at      TEXT,
    recalled_at  TEXT
);
CREATE INDEX doc_circulation_by_copy ON doc_circulation (recipient_id, id);

-- The office's sign-for limits (one row; absent: 2 working hours, 1 working day).
CREATE TABLE doc_settings (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    extra_urgent_hours INTEGER NOT NULL,
    urgent_days        INTEGER NOT NULL
);

-- Counters per day and month and unit (0: the county; a unit's row counts
-- the copies it received), kept in the same batch as each event
-- (shared::documents::figures).
CREATE TABLE doc_tally (
    key                    TEXT    NOT NULL,
    unit_id                INTEGER NOT NULL,
    sent                   INTEGER NOT NULL DEFAULT 0,
    sent_county_government INTEGER NOT NULL DEFAULT 0,
    sent_county_office     INTEGER NOT NULL DEFAULT 0,
    sent_informal_letter   INTEGER NOT NULL DEFAULT 0,
    sent_joint_department  INTEGER NOT NULL DEFAULT 0,
    sent_department        INTEGER NOT NULL DEFAULT 0,
    delivered              INTEGER NOT NULL DEFAULT 0,
    signed                 INTEGER NOT NULL DEFAULT 0,
    sign_minutes           INTEGER NOT NULL DEFAULT 0,
    m15                    INTEGER NOT NULL DEFAULT 0,
    h1                     INTEGER NOT NULL DEFAULT 0,
    h4                     INTEGER NOT NULL DEFAULT 0,
    h8                     INTEGER NOT NULL DEFAULT 0,
    h24                    INTEGER NOT NULL DEFAULT 0,
    h72                    INTEGER NOT NULL DEFAULT 0,
    later                  INTEGER NOT NULL DEFAULT 0,
    signed_late            INTEGER NOT NULL DEFAULT 0,
    returned               INTEGER NOT NULL DEFAULT 0,
    recalled               INTEGER NOT NULL DEFAULT 0,
    chased                 INTEGER NOT NULL DEFAULT 0,
    circulated             INTEGER NOT NULL DEFAULT 0,
    circulation_reads      INTEGER NOT NULL DEFAULT 0,
    circulation_minutes    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (key, unit_id)
) WITHOUT ROWID;
