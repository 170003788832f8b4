-- Recomputes action_account_day (the set of distinct accounts per day, district of the case and action;
-- V16__daily_rollups.sql; its view over the facts: V19__fact_partitions.sql) from action_account_day_from_facts for every business day of :days:
-- rows the facts no longer imply go, rows they newly imply come.
WITH fresh AS (
    SELECT * FROM action_account_day_from_facts
    WHERE business_day = ANY (CAST(string_to_array(:days, ',') AS date[]))
      AND business_day BETWEEN (SELECT min(d) FROM unnest(CAST(string_to_array(:days, ',') AS date[])) d)
                           AND (SELECT max(d) FROM unnest(CAST(string_to_array(:days, ',') AS date[])) d)
),
inserted AS (
    INSERT INTO action_account_day (business_day, district_code, action, account_hmac)
    SELECT business_day, district_code, action, account_hmac FROM fresh f
    -- rows already there are skipped by one anti-join rather than by a conflict check each
    WHERE NOT EXISTS (SELECT 1 FROM action_account_day r
                      WHERE r.business_day = f.business_day AND r.district_code = f.district_code
                        AND r.action = f.action AND r.account_hmac = f.account_hmac)
    ON CONFLICT DO NOTHING
)
DELETE FROM action_account_day r
WHERE r.business_day = ANY (CAST(string_to_array(:days, ',') AS date[]))
  AND NOT EXISTS (SELECT 1 FROM fresh f
                  WHERE f.business_day = r.business_day AND f.district_code = r.district_code
                    AND f.action = r.action AND f.account_hmac = r.account_hmac)
