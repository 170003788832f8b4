-- The fingerprint of the key the database's account numbers are hashed with: the one given, recorded now when none
-- is yet (the first load), else the one recorded before, which the caller compares with its own.
WITH recorded AS (
    INSERT INTO account_key_check (fingerprint) VALUES (:fingerprint)
    ON CONFLICT (only_row) DO NOTHING
    RETURNING fingerprint)
SELECT fingerprint FROM recorded
UNION ALL
SELECT fingerprint FROM account_key_check
LIMIT 1
