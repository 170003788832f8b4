-- 异常提示: for each configured district, its cases on business day :day and its cases over the :baselineDays
-- business days before it ([:day - :baselineDays, :day - 1], Asia/Shanghai, as every business_day), read from the
-- daily rollup case_day (V16__daily_rollups.sql), which the loader keeps equal to the facts. A district or a day
-- without cases has no row there and counts as 0: the baseline is always divided by :baselineDays, never by the
-- number of days that had cases. org.fraudstats.metrics.UnusualDistricts turns the two counts into the baseline
-- λ = baseline_cases / :baselineDays and flags the day when P(X ≥ cases | λ) < 0.001 and cases ≥ 5 (README,
-- 统计口径, "异常提示"). Every configured district gets a row, in code order.
SELECT d.district_code,
       coalesce(sum(c.cases) FILTER (WHERE c.business_day = CAST(:day AS date)), 0) AS cases,
       coalesce(sum(c.cases) FILTER (WHERE c.business_day < CAST(:day AS date)), 0) AS baseline_cases
FROM unnest(string_to_array(:districts, ',')) AS d(district_code)
LEFT JOIN case_day c
       ON c.district_code = d.district_code
      AND c.business_day BETWEEN CAST(:day AS date) - CAST(:baselineDays AS integer) AND CAST(:day AS date)
GROUP BY d.district_code
ORDER BY d.district_code
