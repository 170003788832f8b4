-- Rules 1 and 2 of feeds.md for freezes.csv (see merge-cases.sql, also for how the stored version is found in its
-- month and moved by a correction). A freeze whose case is not known is stored all the same: it is pending
-- (rule 4) and counts nowhere, because every metric joins it to its case.
-- Changed days: the old and new day of the action, and the day of its case (the case's median time to stop
-- payment depends on its earliest action), the case's old one too when a correction moved the freeze to another.
WITH incoming AS (
    SELECT DISTINCT ON (freeze_id)
           freeze_id, case_id, action, bank, account_hmac, account_masked, amount, effective_at,
           (effective_at AT TIME ZONE 'Asia/Shanghai')::date AS business_day, drop_date, line
    FROM stage_freezes
    ORDER BY freeze_id, line DESC
),
stored AS (
    SELECT s.*
    FROM incoming i
    CROSS JOIN LATERAL (
        SELECT k.business_day FROM fact_freeze_key k
        WHERE k.freeze_id = i.freeze_id AND i.freeze_id <= (SELECT max(freeze_id) FROM fact_freeze_key)
        LIMIT 1) k
    CROSS JOIN LATERAL (
        SELECT f.freeze_id, f.case_id, f.action, f.bank, f.account_hmac, f.amount, f.effective_at, f.business_day,
               f.drop_date
        FROM fact_freeze f
        WHERE f.freeze_id = i.freeze_id AND f.business_day = k.business_day
        LIMIT 1) s
),
updated AS (
    UPDATE fact_freeze AS f
       SET case_id = i.case_id, action = i.action, bank = i.bank, account_hmac = i.account_hmac,
           account_masked = i.account_masked, amount = i.amount, effective_at = i.effective_at,
           business_day = i.business_day, drop_date = i.drop_date, line = i.line
      FROM stored s JOIN incoming i USING (freeze_id)
     WHERE f.freeze_id = s.freeze_id AND f.business_day = s.business_day AND s.drop_date <= i.drop_date
       AND f.freeze_id = ANY (ARRAY(SELECT freeze_id FROM stored))
    RETURNING f.freeze_id, f.case_id, f.business_day, s.case_id AS old_case_id, s.business_day AS old_day,
              (s.case_id, s.action, s.bank, s.account_hmac, s.amount, s.effective_at)
              IS DISTINCT FROM (i.case_id, i.action, i.bank, i.account_hmac, i.amount, i.effective_at) AS replaced
),
inserted AS (
    INSERT INTO fact_freeze (freeze_id, case_id, action, bank, account_hmac, account_masked, amount,
                             effective_at, business_day, drop_date, line)
    SELECT freeze_id, case_id, action, bank, account_hmac, account_masked, amount,
           effective_at, business_day, drop_date, line
    FROM incoming i
    WHERE NOT EXISTS (SELECT 1 FROM stored s WHERE s.freeze_id = i.freeze_id)
    RETURNING freeze_id, case_id, business_day
),
changed AS (
    -- new records, and stored ones whose values really changed; a version identical to the stored one
    -- only moves drop_date/line forward, so that no older drop loaded later can overwrite it
    SELECT freeze_id, case_id, business_day FROM inserted
    UNION ALL SELECT freeze_id, case_id, business_day FROM updated WHERE replaced
),
touched AS (
    SELECT old_case_id AS case_id, old_day AS business_day FROM updated WHERE replaced
    UNION ALL SELECT case_id, business_day FROM changed
),
days AS (
    INSERT INTO changed_day (job_execution_id, business_day)
    SELECT :jobExecutionId, business_day FROM touched
    UNION SELECT :jobExecutionId, c.business_day FROM fact_case_key c JOIN touched t USING (case_id)
    ON CONFLICT DO NOTHING
)
SELECT count(*) FROM changed
