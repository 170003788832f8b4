-- Recomputes warning_day (see V5__warning_day.sql) from fact_warning for every business day this load
-- changed: warnings = all warnings issued that day in that district, dissuaded_visits = those with channel
-- VISIT and outcome DISSUADED. A day/district left without warnings loses its row.
WITH days AS (
    SELECT business_day FROM changed_day WHERE job_execution_id = :jobExecutionId
),
fresh AS (
    SELECT w.business_day, w.district_code,
           count(*)                                                              AS warnings,
           count(*) FILTER (WHERE w.channel = 'VISIT' AND w.outcome = 'DISSUADED') AS dissuaded_visits
    FROM fact_warning w
    WHERE w.business_day IN (SELECT business_day FROM days)
    GROUP BY w.business_day, w.district_code
),
upserted AS (
    INSERT INTO warning_day (business_day, district_code, warnings, dissuaded_visits)
    SELECT business_day, district_code, warnings, dissuaded_visits FROM fresh
    ON CONFLICT (business_day, district_code) DO UPDATE
       SET warnings = EXCLUDED.warnings, dissuaded_visits = EXCLUDED.dissuaded_visits
)
DELETE FROM warning_day r
USING days d
WHERE r.business_day = d.business_day
  AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.business_day = r.business_day AND f.district_code = r.district_code)
