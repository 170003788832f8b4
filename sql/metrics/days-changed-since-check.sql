-- The business days whose figures a load or a repair changed after the last rollup check that found nothing
-- (rollups_checked, V35) and up to :upTo, oldest first: a night or a range bulletin checks them all, not only its
-- own loads' days, so that a rollup found differing stays in every later check until it is repaired.
SELECT DISTINCT c.business_day
FROM numbered_changed_day c
WHERE c.load_number > (SELECT through_load FROM rollups_checked)
  AND c.load_number <= :upTo
ORDER BY c.business_day
