-- Sessions as their owner sees them (issue 16): when each began, from
-- where, and an idle limit beside the absolute one. Owned by
-- backend/src/db/staff.rs.
ALTER TABLE staff_session ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;   -- Unix seconds
ALTER TABLE staff_session ADD COLUMN idle_until INTEGER NOT NULL DEFAULT 0;   -- Unix seconds; moved on by use
ALTER TABLE staff_session ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE staff_session ADD COLUMN agent TEXT NOT NULL DEFAULT '';          -- the browser, as it names itself (≤ 200 characters)
-- Sessions from before this migration get the idle limit of now.
UPDATE staff_session SET idle_until = expires_at, created_at = expires_at - 8 * 3600;
