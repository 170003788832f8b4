-- The figures of area-figures.sql (read its header: the 统计口径 of metrics.md are quoted there), the same
-- columns and rows, read from the daily rollups the loader keeps (V16__daily_rollups.sql) instead of the
-- freeze and refund facts. Issue 13 part 2 moves the figures onto this query; until then it is proven equal to
-- area-figures.sql on random loads (RollupFiguresTest) and is read by nothing else.
--
-- Additive metrics are sums of the rollups' per-day, per-district sums. Distinct counts are count(DISTINCT)
-- over the rollups' sets of (day, district, account) and (day, district, case): an account or case on several
-- days or in several districts is counted once over the period and area, and the city's count is over the
-- city's own rows (metrics.md, "Distinct counts are not additive"). The median reads each case's exact seconds
-- (case_stop_time) once, ordered, with the same exact interpolation as area-figures.sql.
WITH districts AS (
    SELECT unnest(string_to_array(:districts, ',')) AS district_code
),
buckets AS (
    SELECT DISTINCT CASE WHEN :byDay THEN d::date ELSE CAST(:from AS date) END AS bucket
    FROM generate_series(CAST(:from AS date), CAST(:to AS date), interval '1 day') AS d
),
case_figures AS (
    SELECT bucket, coalesce(district_code, :cityCode) AS area,
           CAST(sum(cases) AS bigint) AS cases, sum(loss_amount) AS loss_amount
    FROM (SELECT CASE WHEN :byDay THEN r.business_day ELSE CAST(:from AS date) END AS bucket,
                 r.district_code, r.cases, r.loss_amount
          FROM case_day r
          WHERE r.business_day BETWEEN :from AND :to
            AND r.district_code = ANY (string_to_array(:districts, ','))) AS period
    GROUP BY GROUPING SETS ((bucket, district_code), (bucket))
),
action_sums AS (
    SELECT bucket, coalesce(district_code, :cityCode) AS area,
           sum(amount) FILTER (WHERE action = 'STOP_PAYMENT') AS stop_amount,
           sum(amount) FILTER (WHERE action = 'FREEZE')       AS freeze_amount
    FROM (SELECT CASE WHEN :byDay THEN r.business_day ELSE CAST(:from AS date) END AS bucket,
                 r.district_code, r.action, r.amount
          FROM action_day r
          WHERE r.business_day BETWEEN :from AND :to
            AND r.district_code = ANY (string_to_array(:districts, ','))) AS period
    GROUP BY GROUPING SETS ((bucket, district_code), (bucket))
),
action_accounts AS (
    SELECT bucket, coalesce(district_code, :cityCode) AS area,
           count(DISTINCT account_hmac) FILTER (WHERE action = 'STOP_PAYMENT') AS stop_accounts,
           count(DISTINCT account_hmac) FILTER (WHERE action = 'FREEZE')       AS freeze_accounts
    FROM (SELECT CASE WHEN :byDay THEN r.business_day ELSE CAST(:from AS date) END AS bucket,
                 r.district_code, r.action, r.account_hmac
          FROM action_account_day r
          WHERE r.business_day BETWEEN :from AND :to
            AND r.district_code = ANY (string_to_array(:districts, ','))) AS period
    GROUP BY GROUPING SETS ((bucket, district_code), (bucket))
),
refund_sums AS (
    SELECT bucket, coalesce(district_code, :cityCode) AS area, sum(amount) AS refund_amount
    FROM (SELECT CASE WHEN :byDay THEN r.business_day ELSE CAST(:from AS date) END AS bucket,
                 r.district_code, r.amount
          FROM refund_day r
          WHERE r.business_day BETWEEN :from AND :to
            AND r.district_code = ANY (string_to_array(:districts, ','))) AS period
    GROUP BY GROUPING SETS ((bucket, district_code), (bucket))
),
refund_cases AS (
    SELECT bucket, coalesce(district_code, :cityCode) AS area, count(DISTINCT case_id) AS refund_cases
    FROM (SELECT CASE WHEN :byDay THEN r.business_day ELSE CAST(:from AS date) END AS bucket,
                 r.district_code, r.case_id
          FROM refund_case_day r
          WHERE r.business_day BETWEEN :from AND :to
            AND r.district_code = ANY (string_to_array(:districts, ','))) AS period
    GROUP BY GROUPING SETS ((bucket, district_code), (bucket))
),
medians AS (
    -- as in area-figures.sql: the mean of the lower and upper middle values, in exact numeric
    SELECT bucket, coalesce(district_code, :cityCode) AS area,
           round((percentile_disc(0.5) WITHIN GROUP (ORDER BY seconds)
                + percentile_disc(0.5) WITHIN GROUP (ORDER BY seconds DESC)) / 2 / 60, 1) AS median_minutes_to_stop
    FROM (SELECT CASE WHEN :byDay THEN s.business_day ELSE CAST(:from AS date) END AS bucket,
                 s.district_code, s.seconds
          FROM case_stop_time s
          WHERE s.business_day BETWEEN :from AND :to
            AND s.district_code = ANY (string_to_array(:districts, ','))) AS period
    GROUP BY GROUPING SETS ((bucket, district_code), (bucket))
),
warning_figures AS (
    SELECT bucket, coalesce(district_code, :cityCode) AS area,
           sum(warnings) AS warnings, sum(dissuaded_visits) AS dissuaded_visits
    FROM (SELECT CASE WHEN :byDay THEN w.business_day ELSE CAST(:from AS date) END AS bucket,
                 w.district_code, w.warnings, w.dissuaded_visits
          FROM warning_day w
          WHERE w.business_day BETWEEN :from AND :to
            AND w.district_code = ANY (string_to_array(:districts, ','))) AS period
    GROUP BY GROUPING SETS ((bucket, district_code), (bucket))
),
areas AS (
    SELECT b.bucket, d.district_code AS area, false AS is_city FROM buckets b CROSS JOIN districts d
    UNION ALL
    SELECT b.bucket, :cityCode, true FROM buckets b
)
SELECT a.bucket                                   AS bucket,
       a.area                                     AS district_code,
       coalesce(cf.cases, 0)                      AS cases,
       coalesce(cf.loss_amount, 0)                AS loss_amount,
       coalesce(aa.stop_accounts, 0)              AS stop_accounts,
       coalesce(s.stop_amount, 0)                 AS stop_amount,
       coalesce(aa.freeze_accounts, 0)            AS freeze_accounts,
       coalesce(s.freeze_amount, 0)               AS freeze_amount,
       coalesce(rc.refund_cases, 0)               AS refund_cases,
       coalesce(rs.refund_amount, 0)              AS refund_amount,
       m.median_minutes_to_stop                   AS median_minutes_to_stop,
       coalesce(wf.warnings, 0)                   AS warnings,
       coalesce(wf.dissuaded_visits, 0)           AS dissuaded_visits
FROM areas a
LEFT JOIN case_figures    cf ON cf.bucket = a.bucket AND cf.area = a.area
LEFT JOIN action_sums     s  ON s.bucket  = a.bucket AND s.area  = a.area
LEFT JOIN action_accounts aa ON aa.bucket = a.bucket AND aa.area = a.area
LEFT JOIN refund_sums     rs ON rs.bucket = a.bucket AND rs.area = a.area
LEFT JOIN refund_cases    rc ON rc.bucket = a.bucket AND rc.area = a.area
LEFT JOIN medians         m  ON m.bucket  = a.bucket AND m.area  = a.area
LEFT JOIN warning_figures wf ON wf.bucket = a.bucket AND wf.area = a.area
ORDER BY a.bucket, a.is_city, a.area
