-- A test's oracle, not a definition: sql/metrics/area-figures.sql's rows (the one definition of every figure,
-- its header quotes metrics.md) computed straight from the fact tables instead of the daily rollups, written
-- independently of the rollups and their views. RollupFiguresTest compares the two for every day and for random
-- ranges after random loads; production code cannot read this file (it is a test resource).
-- Same parameters as area-figures.sql: :from, :to, :byDay, :districts (comma-separated), :cityCode.
-- The median is computed in exact numeric (percentile_disc ascending and descending, averaged), not with
-- percentile_cont, which works in floating point.
WITH districts AS (
    SELECT unnest(string_to_array(:districts, ',')) AS district_code
),
buckets AS (
    SELECT DISTINCT CASE WHEN :byDay THEN d::date ELSE CAST(:from AS date) END AS bucket
    FROM generate_series(CAST(:from AS date), CAST(:to AS date), interval '1 day') AS d
),
period_cases AS (
    SELECT CASE WHEN :byDay THEN c.business_day ELSE CAST(:from AS date) END AS bucket,
           c.case_id, c.district_code, c.loss_amount, c.reported_at
    FROM fact_case c
    WHERE c.business_day BETWEEN :from AND :to
      AND c.district_code = ANY (string_to_array(:districts, ','))
),
case_figures AS (
    SELECT bucket, coalesce(district_code, :cityCode) AS area, count(*) AS cases, sum(loss_amount) AS loss_amount
    FROM period_cases
    GROUP BY GROUPING SETS ((bucket, district_code), (bucket))
),
period_actions AS (
    SELECT CASE WHEN :byDay THEN f.business_day ELSE CAST(:from AS date) END AS bucket,
           c.district_code, f.action, f.account_hmac, f.amount
    FROM fact_freeze f
    JOIN fact_case c ON c.case_id = f.case_id
    WHERE f.business_day BETWEEN :from AND :to
      AND c.district_code = ANY (string_to_array(:districts, ','))
),
action_figures AS (
    SELECT bucket, coalesce(district_code, :cityCode) AS area,
           count(DISTINCT account_hmac) FILTER (WHERE action = 'STOP_PAYMENT') AS stop_accounts,
           sum(amount) FILTER (WHERE action = 'STOP_PAYMENT')                  AS stop_amount,
           count(DISTINCT account_hmac) FILTER (WHERE action = 'FREEZE')       AS freeze_accounts,
           sum(amount) FILTER (WHERE action = 'FREEZE')                        AS freeze_amount
    FROM period_actions
    GROUP BY GROUPING SETS ((bucket, district_code), (bucket))
),
refund_figures AS (
    SELECT CASE WHEN :byDay THEN r.business_day ELSE CAST(:from AS date) END AS bucket,
           c.district_code, r.case_id, r.amount
    FROM fact_refund r
    JOIN fact_case c ON c.case_id = r.case_id
    WHERE r.business_day BETWEEN :from AND :to
      AND c.district_code = ANY (string_to_array(:districts, ','))
),
refund_totals AS (
    SELECT bucket, coalesce(district_code, :cityCode) AS area, count(DISTINCT case_id) AS refund_cases, sum(amount) AS refund_amount
    FROM refund_figures
    GROUP BY GROUPING SETS ((bucket, district_code), (bucket))
),
seconds_to_stop AS (
    -- the cases of period_cases, read again from fact_case rather than from that CTE: grouped by the primary
    -- key alone (its other columns follow from it), and with period_cases used once, PostgreSQL need not
    -- write all the period's cases to a temporary store first
    SELECT CASE WHEN :byDay THEN c.business_day ELSE CAST(:from AS date) END AS bucket, c.district_code,
           greatest(extract(epoch FROM min(f.effective_at) - c.reported_at), 0) AS seconds
    FROM fact_case c
    JOIN fact_freeze f ON f.case_id = c.case_id
    WHERE c.business_day BETWEEN :from AND :to
      AND c.district_code = ANY (string_to_array(:districts, ','))
    GROUP BY c.case_id, c.business_day
),
medians AS (
    -- linear interpolation at 0.5 is the middle value, or the mean of the two middle values. percentile_disc
    -- returns an actual value in exact numeric (percentile_cont computes in floating point): ascending it
    -- gives the lower middle, descending the upper middle, and their mean is the median.
    SELECT bucket, coalesce(district_code, :cityCode) AS area,
           round((percentile_disc(0.5) WITHIN GROUP (ORDER BY seconds)
                + percentile_disc(0.5) WITHIN GROUP (ORDER BY seconds DESC)) / 2 / 60, 1) AS median_minutes_to_stop
    FROM seconds_to_stop
    GROUP BY GROUPING SETS ((bucket, district_code), (bucket))
),
period_warnings AS (
    SELECT CASE WHEN :byDay THEN w.business_day ELSE CAST(:from AS date) END AS bucket,
           w.district_code, w.channel, w.outcome
    FROM fact_warning w
    WHERE w.business_day BETWEEN :from AND :to
      AND w.district_code = ANY (string_to_array(:districts, ','))
),
warning_figures AS (
    SELECT bucket, coalesce(district_code, :cityCode) AS area,
           -- numeric, as the sums of area-figures.sql are: the test compares values and types
           CAST(count(*) AS numeric) AS warnings,
           CAST(count(*) FILTER (WHERE channel = 'VISIT' AND outcome = 'DISSUADED') AS numeric) AS dissuaded_visits
    FROM period_warnings
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
       coalesce(af.stop_accounts, 0)              AS stop_accounts,
       coalesce(af.stop_amount, 0)                AS stop_amount,
       coalesce(af.freeze_accounts, 0)            AS freeze_accounts,
       coalesce(af.freeze_amount, 0)              AS freeze_amount,
       coalesce(rt.refund_cases, 0)               AS refund_cases,
       coalesce(rt.refund_amount, 0)              AS refund_amount,
       m.median_minutes_to_stop                   AS median_minutes_to_stop,
       coalesce(wf.warnings, 0)                   AS warnings,
       coalesce(wf.dissuaded_visits, 0)           AS dissuaded_visits
FROM areas a
LEFT JOIN case_figures    cf ON cf.bucket = a.bucket AND cf.area = a.area
LEFT JOIN action_figures  af ON af.bucket = a.bucket AND af.area = a.area
LEFT JOIN refund_totals   rt ON rt.bucket = a.bucket AND rt.area = a.area
LEFT JOIN medians         m  ON m.bucket  = a.bucket AND m.area  = a.area
LEFT JOIN warning_figures wf ON wf.bucket = a.bucket AND wf.area = a.area
ORDER BY a.bucket, a.is_city, a.area
