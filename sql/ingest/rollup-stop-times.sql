-- Recomputes case_stop_time (each case's exact seconds to its first stop-payment or freeze, on the case's day
-- and district; V16__daily_rollups.sql; its view over the facts: V19__fact_partitions.sql) from case_stop_time_from_facts for the cases of every business day
-- of :days. A case that moved keeps one row (case_id is the key), now on its new day; its old day is
-- among a load's changed days too, so a row left there by a case that has no action any more goes.
WITH fresh AS (
    SELECT * FROM case_stop_time_from_facts
    WHERE business_day = ANY (CAST(string_to_array(:days, ',') AS date[]))
      AND business_day BETWEEN (SELECT min(d) FROM unnest(CAST(string_to_array(:days, ',') AS date[])) d)
                           AND (SELECT max(d) FROM unnest(CAST(string_to_array(:days, ',') AS date[])) d)
),
upserted AS (
    INSERT INTO case_stop_time (case_id, business_day, district_code, seconds)
    SELECT case_id, business_day, district_code, seconds FROM fresh
    ON CONFLICT (case_id) DO UPDATE
       SET business_day = EXCLUDED.business_day, district_code = EXCLUDED.district_code, seconds = EXCLUDED.seconds
     -- a row whose figures stand is not rewritten: most of a load's days are old days it barely touched
     WHERE (case_stop_time.business_day, case_stop_time.district_code, case_stop_time.seconds)
           IS DISTINCT FROM (EXCLUDED.business_day, EXCLUDED.district_code, EXCLUDED.seconds)
)
DELETE FROM case_stop_time r
WHERE r.business_day = ANY (CAST(string_to_array(:days, ',') AS date[]))
  AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.case_id = r.case_id)
