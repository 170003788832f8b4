-- Rules 1 and 2 of feeds.md for refunds.csv (see merge-cases.sql, also for how the stored version is found in its
-- month and moved by a correction); orphans are pending as for freezes.
WITH incoming AS (
    SELECT DISTINCT ON (refund_id)
           refund_id, case_id, amount, refunded_at,
           (refunded_at AT TIME ZONE 'Asia/Shanghai')::date AS business_day, drop_date, line
    FROM stage_refunds
    ORDER BY refund_id, line DESC
),
stored AS (
    SELECT s.*
    FROM incoming i
    CROSS JOIN LATERAL (
        SELECT k.business_day FROM fact_refund_key k
        WHERE k.refund_id = i.refund_id AND i.refund_id <= (SELECT max(refund_id) FROM fact_refund_key)
        LIMIT 1) k
    CROSS JOIN LATERAL (
        SELECT f.refund_id, f.case_id, f.amount, f.refunded_at, f.business_day, f.drop_date
        FROM fact_refund f
        WHERE f.refund_id = i.refund_id AND f.business_day = k.business_day
        LIMIT 1) s
),
updated AS (
    UPDATE fact_refund AS f
       SET case_id = i.case_id, amount = i.amount, refunded_at = i.refunded_at,
           business_day = i.business_day, drop_date = i.drop_date, line = i.line
      FROM stored s JOIN incoming i USING (refund_id)
     WHERE f.refund_id = s.refund_id AND f.business_day = s.business_day AND s.drop_date <= i.drop_date
       AND f.refund_id = ANY (ARRAY(SELECT refund_id FROM stored))
    RETURNING f.refund_id, f.business_day, s.business_day AS old_day,
              (s.case_id, s.amount, s.refunded_at) IS DISTINCT FROM (i.case_id, i.amount, i.refunded_at) AS replaced
),
inserted AS (
    INSERT INTO fact_refund (refund_id, case_id, amount, refunded_at, business_day, drop_date, line)
    SELECT refund_id, case_id, amount, refunded_at, business_day, drop_date, line
    FROM incoming i
    WHERE NOT EXISTS (SELECT 1 FROM stored s WHERE s.refund_id = i.refund_id)
    RETURNING refund_id, business_day
),
changed AS (
    -- new records, and stored ones whose values really changed; a version identical to the stored one
    -- only moves drop_date/line forward, so that no older drop loaded later can overwrite it
    SELECT refund_id, business_day FROM inserted
    UNION ALL SELECT refund_id, business_day FROM updated WHERE replaced
),
days AS (
    INSERT INTO changed_day (job_execution_id, business_day)
    SELECT :jobExecutionId, old_day FROM updated WHERE replaced
    UNION SELECT :jobExecutionId, business_day FROM changed
    ON CONFLICT DO NOTHING
)
SELECT count(*) FROM changed
