-- A day a rollup check found differing from the facts: every later check takes it until one finds it right.
INSERT INTO rollup_suspect_day (business_day) VALUES (:day)
ON CONFLICT (business_day) DO NOTHING
