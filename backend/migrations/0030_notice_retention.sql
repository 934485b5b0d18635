-- An applicant's number in the outbox and the log provider's store goes
-- with the rest of their data when the daily job anonymises the case
-- (backend/src/db/notify.rs::forget_numbers): found by the case, not by a
-- scan.
CREATE INDEX notice_outbox_case ON notice_outbox (case_no);
