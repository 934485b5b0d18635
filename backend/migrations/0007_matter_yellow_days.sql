-- The yellow card's threshold per matter, in working days left (DOMAIN.md §2:
-- "at most 2 working days remain (configurable per matter)").
ALTER TABLE matter ADD COLUMN yellow_days INTEGER NOT NULL DEFAULT 2 CHECK (yellow_days BETWEEN 0 AND 30);
