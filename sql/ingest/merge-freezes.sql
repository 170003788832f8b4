-- Rules 1 and 2 of feeds.md for freezes.csv (see merge-cases.sql). A freeze whose case is not known is
-- stored all the same: it is pending (rule 4) and counts nowhere, because every metric joins it to its case.
-- Changed days: the old and new day of the action, and the day of its case (the case's median time to stop
-- payment depends on its earliest action).
WITH incoming AS (
    SELECT DISTINCT ON (freeze_id)
           freeze_id, case_id, action, bank, account_hmac, account_masked, amount, effective_at,
           (effective_at AT TIME ZONE 'Asia/Shanghai')::date AS business_day, drop_date, line
    FROM stage_freezes
    ORDER BY freeze_id, line DESC
),
replaced AS (
    SELECT f.freeze_id, f.case_id, f.business_day
    FROM fact_freeze f JOIN incoming i USING (freeze_id)
    WHERE f.drop_date <= i.drop_date
      AND (f.case_id, f.action, f.bank, f.account_hmac, f.amount, f.effective_at)
          IS DISTINCT FROM (i.case_id, i.action, i.bank, i.account_hmac, i.amount, i.effective_at)
),
upserted AS (
    INSERT INTO fact_freeze AS f (freeze_id, case_id, action, bank, account_hmac, account_masked, amount,
                                  effective_at, business_day, drop_date, line)
    SELECT freeze_id, case_id, action, bank, account_hmac, account_masked, amount,
           effective_at, business_day, drop_date, line
    FROM incoming
    ON CONFLICT (freeze_id) DO UPDATE
       SET case_id = EXCLUDED.case_id, action = EXCLUDED.action, bank = EXCLUDED.bank,
           account_hmac = EXCLUDED.account_hmac, account_masked = EXCLUDED.account_masked,
           amount = EXCLUDED.amount, effective_at = EXCLUDED.effective_at, business_day = EXCLUDED.business_day,
           drop_date = EXCLUDED.drop_date, line = EXCLUDED.line
     WHERE f.drop_date <= EXCLUDED.drop_date
    RETURNING freeze_id, case_id, business_day, (xmax = 0) AS inserted
),
changed AS (
    -- new records, and stored ones whose values really changed; a version identical to the stored one
    -- only moves drop_date/line forward, so that no older drop loaded later can overwrite it
    SELECT u.* FROM upserted u WHERE u.inserted OR u.freeze_id IN (SELECT freeze_id FROM replaced)
),
touched AS (
    SELECT case_id, business_day FROM replaced UNION ALL SELECT case_id, business_day FROM changed
),
days AS (
    INSERT INTO changed_day (job_execution_id, business_day)
    SELECT :jobExecutionId, business_day FROM touched
    UNION SELECT :jobExecutionId, c.business_day FROM fact_case c JOIN touched t USING (case_id)
    ON CONFLICT DO NOTHING
)
SELECT count(*) FROM changed
