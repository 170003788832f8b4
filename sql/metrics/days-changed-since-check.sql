-- The business days whose figures a load or a repair changed after the last rollup check that found nothing
-- (rollups_checked, V35) and up to :upTo, oldest first: a night or a range bulletin checks them all, not only its
-- own loads' days, so that a rollup found differing stays in every later check until it is repaired. Days of an
-- archived month are left out: their facts are detached, the rollups are all that is left of them, and a check
-- would find every row differing, with a repair refused (review 29b).
SELECT DISTINCT c.business_day
FROM numbered_changed_day c
WHERE c.load_number > (SELECT through_load FROM rollups_checked)
  AND c.load_number <= :upTo
  AND NOT EXISTS (SELECT 1 FROM fact_month_archived a WHERE a.month = date_trunc('month', c.business_day)::date)
ORDER BY c.business_day
