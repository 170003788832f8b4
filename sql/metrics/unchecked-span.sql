-- The first and last day a load or a repair changed after the last rollup check that found nothing, up to change
-- :upTo (archived months left out, as days-changed-since-check.sql does): a `verify` over a period holding them all,
-- finding nothing, passes for such a check.
SELECT min(c.business_day) AS first_day, max(c.business_day) AS last_day
FROM numbered_changed_day c
WHERE c.load_number > (SELECT through_load FROM rollups_checked)
  AND c.load_number <= :upTo
  AND NOT EXISTS (SELECT 1 FROM fact_month_archived a WHERE a.month = date_trunc('month', c.business_day)::date)
