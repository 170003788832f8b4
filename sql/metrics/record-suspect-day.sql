-- A day a rollup check found differing from the facts: every later check takes it until one finds it right. Found
-- again, it is dated again, so that a check that began earlier and found it right does not clear it.
INSERT INTO rollup_suspect_day (business_day) VALUES (:day)
ON CONFLICT (business_day) DO UPDATE SET found_at = now()
