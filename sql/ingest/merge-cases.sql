-- Rules 1 and 2 of feeds.md for cases.csv, set-wise for the whole drop:
--  * within the drop, the last line of an id wins (a correction later in the same file);
--  * it replaces the stored version unless that came from a later drop (drop folder date decides);
--  * a replacement identical to what is stored changes no figure (it only records the newer drop as its source).
-- The business day of a case is the date of reported_at in Asia/Shanghai (metrics.md).
-- The days whose figures this changes are recorded for the nightly re-render: the old and new day of every
-- changed case, and the days of its freezes and refunds (they follow the case's district, and pending ones
-- start counting once their case arrives).
WITH incoming AS (
    SELECT DISTINCT ON (case_id)
           case_id, reported_at, (reported_at AT TIME ZONE 'Asia/Shanghai')::date AS business_day,
           district_code, station, fraud_type, loss_amount, victim_age, drop_date, line
    FROM stage_cases
    ORDER BY case_id, line DESC
),
replaced AS (
    SELECT f.case_id, f.business_day
    FROM fact_case f JOIN incoming i USING (case_id)
    WHERE f.drop_date <= i.drop_date
      AND (f.reported_at, f.district_code, f.station, f.fraud_type, f.loss_amount, f.victim_age)
          IS DISTINCT FROM (i.reported_at, i.district_code, i.station, i.fraud_type, i.loss_amount, i.victim_age)
),
upserted AS (
    INSERT INTO fact_case AS f (case_id, reported_at, business_day, district_code, station, fraud_type,
                                loss_amount, victim_age, drop_date, line)
    SELECT case_id, reported_at, business_day, district_code, station, fraud_type,
           loss_amount, victim_age, drop_date, line
    FROM incoming
    ON CONFLICT (case_id) DO UPDATE
       SET reported_at = EXCLUDED.reported_at, business_day = EXCLUDED.business_day,
           district_code = EXCLUDED.district_code, station = EXCLUDED.station, fraud_type = EXCLUDED.fraud_type,
           loss_amount = EXCLUDED.loss_amount, victim_age = EXCLUDED.victim_age,
           drop_date = EXCLUDED.drop_date, line = EXCLUDED.line
     WHERE f.drop_date <= EXCLUDED.drop_date
    RETURNING case_id, business_day, (xmax = 0) AS inserted
),
changed AS (
    -- new records, and stored ones whose values really changed; a version identical to the stored one
    -- only moves drop_date/line forward, so that no older drop loaded later can overwrite it
    SELECT u.* FROM upserted u WHERE u.inserted OR u.case_id IN (SELECT case_id FROM replaced)
),
days AS (
    INSERT INTO changed_day (job_execution_id, business_day)
    SELECT :jobExecutionId, business_day FROM replaced
    UNION SELECT :jobExecutionId, business_day FROM changed
    UNION SELECT :jobExecutionId, z.business_day FROM fact_freeze z JOIN changed u USING (case_id)
    UNION SELECT :jobExecutionId, r.business_day FROM fact_refund r JOIN changed u USING (case_id)
    ON CONFLICT DO NOTHING
)
SELECT count(*) FROM changed
