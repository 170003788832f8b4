-- Recomputes warning_day (see V5__warning_day.sql) from its definition over the facts, warning_day_from_facts
-- (V19__fact_partitions.sql), for every business day of :days: warnings = all warnings issued that
-- day in that district, dissuaded_visits = those with channel VISIT and outcome DISSUADED. A day/district left
-- without warnings loses its row.
WITH fresh AS (
    SELECT * FROM warning_day_from_facts
    WHERE business_day = ANY (CAST(string_to_array(:days, ',') AS date[]))
      AND business_day BETWEEN (SELECT min(d) FROM unnest(CAST(string_to_array(:days, ',') AS date[])) d)
                           AND (SELECT max(d) FROM unnest(CAST(string_to_array(:days, ',') AS date[])) d)
),
upserted AS (
    INSERT INTO warning_day (business_day, district_code, warnings, dissuaded_visits)
    SELECT business_day, district_code, warnings, dissuaded_visits FROM fresh
    ON CONFLICT (business_day, district_code) DO UPDATE
       SET warnings = EXCLUDED.warnings, dissuaded_visits = EXCLUDED.dissuaded_visits
     -- a row whose figures stand is not rewritten: most of a load's days are old days it barely touched
     WHERE (warning_day.warnings, warning_day.dissuaded_visits)
           IS DISTINCT FROM (EXCLUDED.warnings, EXCLUDED.dissuaded_visits)
)
DELETE FROM warning_day r
WHERE r.business_day = ANY (CAST(string_to_array(:days, ',') AS date[]))
  AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.business_day = r.business_day AND f.district_code = r.district_code)
