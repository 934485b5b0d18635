-- Notifications (ARCHITECTURE.md, "Notifications"): the outbox, written in
-- the same batch as the change that causes it, and delivered by the
-- notifier Worker from the NOTIFY queue.

CREATE TABLE notice_outbox (
    id INTEGER PRIMARY KEY,
    -- One per event (event, item, the version the change moved from): a
    -- retried transition finds its key taken and adds nothing.
    event_key TEXT NOT NULL UNIQUE,
    event TEXT NOT NULL CHECK (event IN ('case_received', 'case_supplement', 'case_accepted', 'case_completed')),
    -- The item the message is about, and the number it came with (used for
    -- this item only; masked in every staff answer).
    case_no TEXT NOT NULL,
    phone TEXT NOT NULL,
    -- The template's variables as a JSON object; a secret one (the query
    -- code) is never stored: the Worker derives it when it enqueues.
    vars TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'delivered', 'failed')),
    created_at TEXT NOT NULL,
    -- NULL until the queue took the message: the daily sweep re-enqueues
    -- rows a crash left between the batch and the send.
    enqueued_at TEXT,
    -- A consumer's claim while it calls the provider, so a duplicate
    -- delivery from the queue does not send a second time.
    lease_until TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    provider TEXT,
    provider_message_id TEXT,
    reason TEXT,
    -- When the provider took it: the daily cap per number counts these.
    sent_at TEXT,
    -- The office member who last resent it after a failure, and when.
    resent_by INTEGER REFERENCES staff (id),
    resent_at TEXT,
    updated_at TEXT NOT NULL
);

-- The office's page by state, newest first; the sweep's walk.
CREATE INDEX notice_outbox_state ON notice_outbox (state, id);
-- A number's messages today, for the daily cap.
CREATE INDEX notice_outbox_phone ON notice_outbox (phone, sent_at);

-- The `log` provider's store: what a real provider would have sent.
CREATE TABLE notice_log (
    id INTEGER PRIMARY KEY,
    outbox_id INTEGER NOT NULL UNIQUE REFERENCES notice_outbox (id),
    phone TEXT NOT NULL,
    template TEXT NOT NULL,
    vars TEXT NOT NULL,
    sent_at TEXT NOT NULL
);

-- Messages per state and provider ('' before any provider tried), kept by
-- triggers so the office's page never counts the outbox.
CREATE TABLE notice_tally (
    state TEXT NOT NULL,
    provider TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (state, provider)
);

CREATE TRIGGER notice_tally_insert AFTER INSERT ON notice_outbox BEGIN
    INSERT INTO notice_tally (state, provider, n) VALUES (NEW.state, coalesce(NEW.provider, ''), 1)
        ON CONFLICT (state, provider) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER notice_tally_update AFTER UPDATE OF state, provider ON notice_outbox
WHEN OLD.state IS NOT NEW.state OR OLD.provider IS NOT NEW.provider BEGIN
    UPDATE notice_tally SET n = n - 1 WHERE state = OLD.state AND provider = coalesce(OLD.provider, '');
    INSERT INTO notice_tally (state, provider, n) VALUES (NEW.state, coalesce(NEW.provider, ''), 1)
        ON CONFLICT (state, provider) DO UPDATE SET n = n + 1;
END;
