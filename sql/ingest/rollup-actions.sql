-- Recomputes action_day (stop and freeze amounts by day, district of the case and action;
-- V16__daily_rollups.sql; its view over the facts: V19__fact_partitions.sql) from action_day_from_facts for every business day of :days, including
-- the days of the freezes of a case that moved (merge-cases.sql puts them in changed_day).
WITH fresh AS (
    SELECT * FROM action_day_from_facts
    WHERE business_day = ANY (CAST(string_to_array(:days, ',') AS date[]))
      AND business_day BETWEEN (SELECT min(d) FROM unnest(CAST(string_to_array(:days, ',') AS date[])) d)
                           AND (SELECT max(d) FROM unnest(CAST(string_to_array(:days, ',') AS date[])) d)
),
upserted AS (
    INSERT INTO action_day (business_day, district_code, action, actions, amount)
    SELECT business_day, district_code, action, actions, amount FROM fresh
    ON CONFLICT (business_day, district_code, action) DO UPDATE
       SET actions = EXCLUDED.actions, amount = EXCLUDED.amount
     -- a row whose figures stand is not rewritten: most of a load's days are old days it barely touched
     WHERE (action_day.actions, action_day.amount)
           IS DISTINCT FROM (EXCLUDED.actions, EXCLUDED.amount)
)
DELETE FROM action_day r
WHERE r.business_day = ANY (CAST(string_to_array(:days, ',') AS date[]))
  AND NOT EXISTS (SELECT 1 FROM fresh f
                  WHERE f.business_day = r.business_day AND f.district_code = r.district_code
                    AND f.action = r.action)
