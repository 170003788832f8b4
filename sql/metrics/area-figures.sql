-- Every figure of metrics.md (统计口径) for each district and for the city, over the period P = [:from, :to] of whole
-- business days (Asia/Shanghai), either as one bucket (:byDay false) or one bucket per day (:byDay true). The one
-- definition of every figure: `metrics`, `headline`, the bulletins (the day, its 同比 and 环比 bases, the year to
-- date, the trend) and the mails all read it through metrics/Figures. Each figure's definition is quoted from
-- metrics.md once, above the part that computes it.
--
-- It reads the daily rollups the loader keeps in the transaction of every drop (V5__warning_day.sql,
-- V16__daily_rollups.sql), never the facts. Each rollup row is its view <rollup>_from_facts over the facts (as
-- V19__fact_partitions.sql made them again over the partitioned facts: V16's own are gone, so read them there), which
-- say what metrics.md says of the records of one day and district: "Only the latest version of each record
-- counts; rejected and pending rows count nowhere." (the fact tables hold only latest versions; pending freezes
-- and refunds drop out at the views' join to their case), "A freeze or refund belongs to the district of (the
-- latest version of) its case.", "A record is in P when the business day of its own timestamp is in P: a case
-- by reported_at, a freeze by effective_at, a refund by refunded_at, a warning by issued_at." (each rollup's
-- business_day). `fraudstats verify` compares every rollup row with its view.
--
-- "The city row (440600) covers all configured districts. Additive metrics are the sum of the districts;
-- distinct metrics are distinct over the city." The city is :cityCode, the configured districts :districts
-- (comma-separated); GROUPING SETS give each district's row and the city's. The districts are filtered with
-- = ANY (an array) rather than IN (a subquery of the districts CTE): a CTE scan keeps PostgreSQL from running
-- the reads below with parallel workers.
WITH districts AS (
    SELECT unnest(string_to_array(:districts, ',')) AS district_code
),
buckets AS (
    SELECT DISTINCT CASE WHEN :byDay THEN d::date ELSE CAST(:from AS date) END AS bucket
    FROM generate_series(CAST(:from AS date), CAST(:to AS date), interval '1 day') AS d
),
case_figures AS (
    -- cases        电诈警情  "number of cases reported in P"
    -- loss_amount  案损金额  "sum of loss_amount of those cases"
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
    -- stop_amount    止付金额  "sum of amount of STOP_PAYMENT actions in P"
    -- freeze_amount  冻结金额  "sum of amount of FREEZE actions in P"
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
    -- stop_accounts    止付账户  "number of distinct account_no with a STOP_PAYMENT action in P"
    -- freeze_accounts  冻结账户  "number of distinct account_no with a FREEZE action in P"
    -- "Distinct counts are not additive": the rollup is the set of (day, district, action, account), and the
    -- count is over the period's and area's rows, so an account on several days or in two districts counts
    -- once, for a district and for the city (whose count is over its own rows, never a sum of the districts').
    -- An account is its keyed digest (feeds.md): one account_no, one account_hmac.
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
    -- refund_amount  返还金额  "sum of amount of refunds in P"
    SELECT bucket, coalesce(district_code, :cityCode) AS area, sum(amount) AS refund_amount
    FROM (SELECT CASE WHEN :byDay THEN r.business_day ELSE CAST(:from AS date) END AS bucket,
                 r.district_code, r.amount
          FROM refund_day r
          WHERE r.business_day BETWEEN :from AND :to
            AND r.district_code = ANY (string_to_array(:districts, ','))) AS period
    GROUP BY GROUPING SETS ((bucket, district_code), (bucket))
),
refund_cases AS (
    -- refund_cases  返还案件  "number of distinct case_id with a refund in P": over the rollup's set of
    -- (day, district, case), like the accounts above
    SELECT bucket, coalesce(district_code, :cityCode) AS area, count(DISTINCT case_id) AS refund_cases
    FROM (SELECT CASE WHEN :byDay THEN r.business_day ELSE CAST(:from AS date) END AS bucket,
                 r.district_code, r.case_id
          FROM refund_case_day r
          WHERE r.business_day BETWEEN :from AND :to
            AND r.district_code = ANY (string_to_array(:districts, ','))) AS period
    GROUP BY GROUPING SETS ((bucket, district_code), (bucket))
),
medians AS (
    -- median_minutes_to_stop  止付中位时长(分钟)  "over the cases reported in P that have at least one STOP_PAYMENT
    -- or FREEZE action (at any date): per case, (earliest effective_at of those actions − reported_at) in
    -- seconds ÷ 60, exact (37.5 is possible), negative values taken as 0; the median of those per-case values by
    -- linear interpolation (PostgreSQL percentile_cont(0.5)), rounded half-up to 1 decimal and always written
    -- with 1 decimal (95.0); empty when no such case"
    -- case_stop_time holds each such case once, on its own day and district, with its exact seconds (microseconds
    -- kept, negative taken as 0). Linear interpolation at 0.5 is the middle value, or the mean of the two middle
    -- values: percentile_disc returns an actual value in exact numeric (percentile_cont computes in floating
    -- point), and their mean is the median. Of n values sorted ascending, percentile_disc(f) returns the one at
    -- position ceil(f × n): f = 0.5 gives the lower middle, position ceil(n / 2); f = 0.5 + 1e-12 gives the upper
    -- middle, position floor(n / 2) + 1, for every n below 5 × 10^11 (the 1e-12 × n it adds stays above 0 and at
    -- most 1/2 once the even n / 2 or odd n / 2 is rounded up, far above float8's rounding error of n × 1e-16).
    -- Both fractions in one call sort the values once (two calls in opposite orders sorted them twice).
    -- round(numeric, 1) rounds half away from zero, which is half-up for these non-negative values; no case: NULL.
    SELECT bucket, coalesce(district_code, :cityCode) AS area,
           round((middle[1] + middle[2]) / 2 / 60, 1) AS median_minutes_to_stop
    FROM (SELECT bucket, district_code,
                 percentile_disc(ARRAY[0.5, 0.5 + 1e-12]) WITHIN GROUP (ORDER BY seconds) AS middle
    FROM (SELECT CASE WHEN :byDay THEN s.business_day ELSE CAST(:from AS date) END AS bucket,
                 s.district_code, s.seconds
          FROM case_stop_time s
          WHERE s.business_day BETWEEN :from AND :to
            AND s.district_code = ANY (string_to_array(:districts, ','))) AS period
    GROUP BY GROUPING SETS ((bucket, district_code), (bucket))) AS middles
),
warning_figures AS (
    -- warnings          处置预警  "number of warnings issued in P"
    -- dissuaded_visits  见面劝阻  "warnings issued in P with channel VISIT and outcome DISSUADED"
    -- warning_day counts both per day and district (warning_day_from_facts): plain counts, summed.
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
