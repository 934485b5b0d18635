-- Completed cases per department, on time or late, kept in the same batch
-- as each completion, so the office's on-time rates never scan cases.
-- Owned by backend/src/db/ledger.rs.
CREATE TABLE department_stats (
    department_id INTEGER PRIMARY KEY REFERENCES department (id),
    completed     INTEGER NOT NULL DEFAULT 0,
    on_time       INTEGER NOT NULL DEFAULT 0
);
-- The inbox of every department (the office's overdue list) by state and deadline.
CREATE INDEX case_by_state_deadline ON case_record (state, deadline);
