-- Recomputes case_day (cases, loss_amount by day, district and fraud type; V16__daily_rollups.sql; its view over the facts: V19__fact_partitions.sql) from
-- its definition over the facts, case_day_from_facts, for every business day of :days. A day,
-- district or fraud type left without cases loses its row. Days are matched with = ANY (an array) so that the
-- condition reaches fact_case's index inside the view instead of grouping all the facts first.
-- :days (comma-separated ISO dates, as in every rollup-*.sql) are the days a load changed (its changed_day rows,
-- sql/ingest/changed-days.sql), or every day of a range rebuilt from the facts (ingest/DailyRollups#rebuild).
-- The same days as a range too, in every rollup-*.sql: PostgreSQL prunes the monthly partitions (V19) by a
-- range, not by = ANY of an array it cannot see at planning, so without it every month of the facts was read (the
-- month being loaded by a sequential scan, small as it is: 2.8 ms of warning_day's 8.6 ms on two days of a city).
WITH fresh AS (
    SELECT * FROM case_day_from_facts
    WHERE business_day = ANY (CAST(string_to_array(:days, ',') AS date[]))
      AND business_day BETWEEN (SELECT min(d) FROM unnest(CAST(string_to_array(:days, ',') AS date[])) d)
                           AND (SELECT max(d) FROM unnest(CAST(string_to_array(:days, ',') AS date[])) d)
),
upserted AS (
    INSERT INTO case_day (business_day, district_code, fraud_type, cases, loss_amount)
    SELECT business_day, district_code, fraud_type, cases, loss_amount FROM fresh
    ON CONFLICT (business_day, district_code, fraud_type) DO UPDATE
       SET cases = EXCLUDED.cases, loss_amount = EXCLUDED.loss_amount
     -- a row whose figures stand is not rewritten: most of a load's days are old days it barely touched
     WHERE (case_day.cases, case_day.loss_amount)
           IS DISTINCT FROM (EXCLUDED.cases, EXCLUDED.loss_amount)
)
DELETE FROM case_day r
WHERE r.business_day = ANY (CAST(string_to_array(:days, ',') AS date[]))
  AND NOT EXISTS (SELECT 1 FROM fresh f
                  WHERE f.business_day = r.business_day AND f.district_code = r.district_code
                    AND f.fraud_type = r.fraud_type)
