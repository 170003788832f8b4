-- Rules 1 and 2 of feeds.md for warnings.csv (see merge-cases.sql). The business day of a warning is the
-- date of issued_at in Asia/Shanghai.
WITH incoming AS (
    SELECT DISTINCT ON (warning_id)
           warning_id, issued_at, (issued_at AT TIME ZONE 'Asia/Shanghai')::date AS business_day,
           district_code, channel, outcome, drop_date, line
    FROM stage_warnings
    ORDER BY warning_id, line DESC
),
replaced AS (
    SELECT f.warning_id, f.business_day
    FROM fact_warning f JOIN incoming i USING (warning_id)
    WHERE f.drop_date <= i.drop_date
      AND (f.issued_at, f.district_code, f.channel, f.outcome)
          IS DISTINCT FROM (i.issued_at, i.district_code, i.channel, i.outcome)
),
upserted AS (
    INSERT INTO fact_warning AS f (warning_id, issued_at, business_day, district_code, channel, outcome, drop_date, line)
    SELECT warning_id, issued_at, business_day, district_code, channel, outcome, drop_date, line
    FROM incoming
    ON CONFLICT (warning_id) DO UPDATE
       SET issued_at = EXCLUDED.issued_at, business_day = EXCLUDED.business_day,
           district_code = EXCLUDED.district_code, channel = EXCLUDED.channel, outcome = EXCLUDED.outcome,
           drop_date = EXCLUDED.drop_date, line = EXCLUDED.line
     WHERE f.drop_date <= EXCLUDED.drop_date
    RETURNING warning_id, business_day, (xmax = 0) AS inserted
),
changed AS (
    -- new records, and stored ones whose values really changed; a version identical to the stored one
    -- only moves drop_date/line forward, so that no older drop loaded later can overwrite it
    SELECT u.* FROM upserted u WHERE u.inserted OR u.warning_id IN (SELECT warning_id FROM replaced)
),
days AS (
    INSERT INTO changed_day (job_execution_id, business_day)
    SELECT :jobExecutionId, business_day FROM replaced
    UNION SELECT :jobExecutionId, business_day FROM changed
    ON CONFLICT DO NOTHING
)
SELECT count(*) FROM changed
