-- The days a rollup check found differing from the facts and no check has found right since (V35): every check
-- takes them again. An archived month's are left out, as the changed days are.
SELECT s.business_day
FROM rollup_suspect_day s
WHERE NOT EXISTS (SELECT 1 FROM fact_month_archived a WHERE a.month = date_trunc('month', s.business_day)::date)
ORDER BY s.business_day
