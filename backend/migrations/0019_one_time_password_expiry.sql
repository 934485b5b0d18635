-- When the account's one-time password was issued (creation or reset), so
-- that one left unused expires (shared::admin::accounts::ONE_TIME_PASSWORD_HOURS).
-- NULL for accounts made before this column, which count from now on.
ALTER TABLE staff ADD COLUMN password_issued_at INTEGER;
UPDATE staff SET password_issued_at = CAST(strftime('%s', 'now') AS INTEGER) WHERE must_change_password = 1;
