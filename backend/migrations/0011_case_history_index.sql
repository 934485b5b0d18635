-- A department's closed cases (completed, returned), newest first: the
-- inbox's history view reads one page off this index, however long the
-- history. Used by backend/src/db/cases.rs (inbox).
CREATE INDEX case_by_department_state_submitted ON case_record (department_id, state, submitted_at);
