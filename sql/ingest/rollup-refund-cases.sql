-- Recomputes refund_case_day (the set of distinct refunded cases per day and district;
-- V16__daily_rollups.sql; its view over the facts: V19__fact_partitions.sql) from refund_case_day_from_facts for every business day of :days.
WITH fresh AS (
    SELECT * FROM refund_case_day_from_facts
    WHERE business_day = ANY (CAST(string_to_array(:days, ',') AS date[]))
      AND business_day BETWEEN (SELECT min(d) FROM unnest(CAST(string_to_array(:days, ',') AS date[])) d)
                           AND (SELECT max(d) FROM unnest(CAST(string_to_array(:days, ',') AS date[])) d)
),
inserted AS (
    INSERT INTO refund_case_day (business_day, district_code, case_id)
    SELECT business_day, district_code, case_id FROM fresh f
    -- rows already there are skipped by one anti-join rather than by a conflict check each
    WHERE NOT EXISTS (SELECT 1 FROM refund_case_day r
                      WHERE r.business_day = f.business_day AND r.district_code = f.district_code
                        AND r.case_id = f.case_id)
    ON CONFLICT DO NOTHING
)
DELETE FROM refund_case_day r
WHERE r.business_day = ANY (CAST(string_to_array(:days, ',') AS date[]))
  AND NOT EXISTS (SELECT 1 FROM fresh f
                  WHERE f.business_day = r.business_day AND f.district_code = r.district_code
                    AND f.case_id = r.case_id)
