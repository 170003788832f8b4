-- Rules 1 and 2 of feeds.md for warnings.csv (see merge-cases.sql, also for how the stored version is found in
-- its month and moved by a correction). The business day of a warning is the date of issued_at in Asia/Shanghai.
WITH incoming AS (
    SELECT DISTINCT ON (warning_id)
           warning_id, issued_at, (issued_at AT TIME ZONE 'Asia/Shanghai')::date AS business_day,
           district_code, channel, outcome, drop_date, line
    FROM stage_warnings
    ORDER BY warning_id, line DESC
),
stored AS (
    SELECT s.*
    FROM incoming i
    CROSS JOIN LATERAL (
        SELECT k.business_day FROM fact_warning_key k
        WHERE k.warning_id = i.warning_id AND i.warning_id <= (SELECT max(warning_id) FROM fact_warning_key)
        LIMIT 1) k
    CROSS JOIN LATERAL (
        SELECT f.warning_id, f.issued_at, f.business_day, f.district_code, f.channel, f.outcome, f.drop_date
        FROM fact_warning f
        WHERE f.warning_id = i.warning_id AND f.business_day = k.business_day
        LIMIT 1) s
),
updated AS (
    UPDATE fact_warning AS f
       SET issued_at = i.issued_at, business_day = i.business_day, district_code = i.district_code,
           channel = i.channel, outcome = i.outcome, drop_date = i.drop_date, line = i.line
      FROM stored s JOIN incoming i USING (warning_id)
     WHERE f.warning_id = s.warning_id AND f.business_day = s.business_day AND s.drop_date <= i.drop_date
       AND f.warning_id = ANY (ARRAY(SELECT warning_id FROM stored))
    RETURNING f.warning_id, f.business_day, s.business_day AS old_day,
              (s.issued_at, s.district_code, s.channel, s.outcome)
              IS DISTINCT FROM (i.issued_at, i.district_code, i.channel, i.outcome) AS replaced
),
inserted AS (
    INSERT INTO fact_warning (warning_id, issued_at, business_day, district_code, channel, outcome, drop_date, line)
    SELECT warning_id, issued_at, business_day, district_code, channel, outcome, drop_date, line
    FROM incoming i
    WHERE NOT EXISTS (SELECT 1 FROM stored s WHERE s.warning_id = i.warning_id)
    RETURNING warning_id, business_day
),
changed AS (
    -- new records, and stored ones whose values really changed; a version identical to the stored one
    -- only moves drop_date/line forward, so that no older drop loaded later can overwrite it
    SELECT warning_id, business_day FROM inserted
    UNION ALL SELECT warning_id, business_day FROM updated WHERE replaced
),
days AS (
    INSERT INTO changed_day (job_execution_id, business_day)
    SELECT :jobExecutionId, old_day FROM updated WHERE replaced
    UNION SELECT :jobExecutionId, business_day FROM changed
    ON CONFLICT DO NOTHING
)
SELECT count(*) FROM changed
