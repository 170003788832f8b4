-- The archived months (fact_month_archived, V19) that the days [:from, :to] reach, 'YYYY-MM, …' (NULL when none).
-- Their facts are detached, so their rollups are the only figures left of them (README, "Where data lives"): a
-- rebuild of their days would count no facts and set them to zero, and a repair, being a change of those days
-- (V23), would then have the nightly publish the zeros as revisions. `verify --repair` refuses such a period.
SELECT string_agg(to_char(month, 'YYYY-MM'), ', ' ORDER BY month)
FROM fact_month_archived
WHERE month BETWEEN date_trunc('month', CAST(:from AS date))::date AND :to
