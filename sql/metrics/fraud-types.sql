-- Cases and loss per fraud type for the city over [:from, :to], for the bulletins' ranking of fraud types: the
-- figures cases and loss_amount of sql/metrics/area-figures.sql (whose header quotes metrics.md), split by the
-- case's fraud type, from the same daily rollup (case_day, V16__daily_rollups.sql) over the configured districts.
-- The fraud types' figures therefore add up to the city's cases and loss.
SELECT r.fraud_type,
       CAST(sum(r.cases) AS bigint) AS cases,
       sum(r.loss_amount)           AS loss_amount
FROM case_day r
WHERE r.business_day BETWEEN :from AND :to
  AND r.district_code = ANY (string_to_array(:districts, ','))
GROUP BY r.fraud_type
ORDER BY cases DESC, loss_amount DESC, r.fraud_type
