-- Rules 1 and 2 of feeds.md for refunds.csv (see merge-cases.sql); orphans are pending as for freezes.
WITH incoming AS (
    SELECT DISTINCT ON (refund_id)
           refund_id, case_id, amount, refunded_at,
           (refunded_at AT TIME ZONE 'Asia/Shanghai')::date AS business_day, drop_date, line
    FROM stage_refunds
    ORDER BY refund_id, line DESC
),
replaced AS (
    SELECT f.refund_id, f.business_day
    FROM fact_refund f JOIN incoming i USING (refund_id)
    WHERE f.drop_date <= i.drop_date
      AND (f.case_id, f.amount, f.refunded_at) IS DISTINCT FROM (i.case_id, i.amount, i.refunded_at)
),
upserted AS (
    INSERT INTO fact_refund AS f (refund_id, case_id, amount, refunded_at, business_day, drop_date, line)
    SELECT refund_id, case_id, amount, refunded_at, business_day, drop_date, line
    FROM incoming
    ON CONFLICT (refund_id) DO UPDATE
       SET case_id = EXCLUDED.case_id, amount = EXCLUDED.amount, refunded_at = EXCLUDED.refunded_at,
           business_day = EXCLUDED.business_day, drop_date = EXCLUDED.drop_date, line = EXCLUDED.line
     WHERE f.drop_date <= EXCLUDED.drop_date
    RETURNING refund_id, business_day, (xmax = 0) AS inserted
),
changed AS (
    -- new records, and stored ones whose values really changed; a version identical to the stored one
    -- only moves drop_date/line forward, so that no older drop loaded later can overwrite it
    SELECT u.* FROM upserted u WHERE u.inserted OR u.refund_id IN (SELECT refund_id FROM replaced)
),
days AS (
    INSERT INTO changed_day (job_execution_id, business_day)
    SELECT :jobExecutionId, business_day FROM replaced
    UNION SELECT :jobExecutionId, business_day FROM changed
    ON CONFLICT DO NOTHING
)
SELECT count(*) FROM changed
