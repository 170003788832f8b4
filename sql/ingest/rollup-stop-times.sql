-- Recomputes case_stop_time (each case's exact seconds to its first stop-payment or freeze, on the case's day
-- and district; V16__daily_rollups.sql) from case_stop_time_from_facts for the cases of every business day
-- this load changed. A case that moved keeps one row (case_id is the key), now on its new day; its old day is
-- in changed_day too, so a row left there by a case that has no action any more goes.
WITH fresh AS (
    SELECT * FROM case_stop_time_from_facts
    WHERE business_day = ANY (ARRAY(SELECT business_day FROM changed_day WHERE job_execution_id = :jobExecutionId))
),
upserted AS (
    INSERT INTO case_stop_time (case_id, business_day, district_code, seconds)
    SELECT case_id, business_day, district_code, seconds FROM fresh
    ON CONFLICT (case_id) DO UPDATE
       SET business_day = EXCLUDED.business_day, district_code = EXCLUDED.district_code, seconds = EXCLUDED.seconds
)
DELETE FROM case_stop_time r
WHERE r.business_day = ANY (ARRAY(SELECT business_day FROM changed_day WHERE job_execution_id = :jobExecutionId))
  AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.case_id = r.case_id)
