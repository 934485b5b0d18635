-- The working-day calendar: one row per published year, holding that year's
-- holidays and swapped working days as JSON arrays of {"date","name"}
-- (shared::calendar::NamedDay). One row per year keeps a deadline look-up to
-- a handful of rows. Owned by backend/src/db/calendar.rs.

CREATE TABLE calendar_year (
    year       INTEGER PRIMARY KEY,
    holidays   TEXT    NOT NULL,
    workdays   TEXT    NOT NULL,
    updated_at TEXT    NOT NULL,
    updated_by TEXT    NOT NULL
);
