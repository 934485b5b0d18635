-- Personal data past its retention (shared::retention; the daily job,
-- backend/src/retention.rs, with its SQL in
-- backend/src/db/approvals/retention.rs).
--
-- closed_on: the day a case reached completed or returned (set with that
-- change; existing cases take it from their audit trail).
-- files_erased_on: the day its files were deleted; anonymised_on: the day
-- its applicant's data was replaced.
ALTER TABLE case_record ADD COLUMN closed_on TEXT;
ALTER TABLE case_record ADD COLUMN files_erased_on TEXT;
ALTER TABLE case_record ADD COLUMN anonymised_on TEXT;
UPDATE case_record SET closed_on = (
    SELECT substr(max(e.at), 1, 10) FROM case_event e WHERE e.case_id = case_record.id AND e.to_state = case_record.state
) WHERE state IN ('completed', 'returned');

-- What the daily job looks for, oldest first, without reading the cases
-- whose data is already gone or that are still open.
CREATE INDEX case_files_due ON case_record (closed_on) WHERE state = 'returned' AND files_erased_on IS NULL;
CREATE INDEX case_anonymise_due ON case_record (closed_on) WHERE closed_on IS NOT NULL AND anonymised_on IS NULL;

-- Hotline callers (and callers merged into a ticket) and complainants:
-- their names, phones and numbers are blanked when the ticket or complaint
-- has been closed past the period (backend/src/db/retention.rs).
ALTER TABLE hotline_ticket ADD COLUMN anonymised_on TEXT;
CREATE INDEX hotline_ticket_anonymise_due ON hotline_ticket (closed_at, id) WHERE closed_at IS NOT NULL AND anonymised_on IS NULL;
ALTER TABLE complaint ADD COLUMN anonymised_on TEXT;
CREATE INDEX complaint_anonymise_due ON complaint (closed_at, id) WHERE closed_at IS NOT NULL AND anonymised_on IS NULL;
