-- Every figure of metrics.md for each district and for the city, over the period [:from, :to] of whole
-- business days (Asia/Shanghai), either as one bucket (:byDay false) or one bucket per day (:byDay true).
-- Only the latest version of each record is in the fact tables; rejected rows never are; pending freezes and
-- refunds (no case yet) drop out at the join to their case.
--
-- A record is in P when the business day of its own timestamp is in P: a case by reported_at, a freeze by
-- effective_at, a refund by refunded_at, a warning by issued_at. A freeze or refund belongs to the district
-- of (the latest version of) its case.
--
--   cases            number of cases reported in P
--   loss_amount      sum of loss_amount of those cases
--   stop_accounts    number of DISTINCT account_no with a STOP_PAYMENT action in P
--   stop_amount      sum of amount of STOP_PAYMENT actions in P
--   freeze_accounts  number of DISTINCT account_no with a FREEZE action in P
--   freeze_amount    sum of amount of FREEZE actions in P
--   refund_cases     number of DISTINCT case_id with a refund in P
--   refund_amount    sum of amount of refunds in P
--   median_minutes_to_stop
--                    over the cases reported in P with at least one STOP_PAYMENT or FREEZE action (at any
--                    date): per case, (earliest effective_at of those actions - reported_at) in seconds / 60,
--                    negative taken as 0; the median by linear interpolation (= percentile_cont(0.5)),
--                    rounded half-up to 1 decimal; NULL when no such case. Computed in exact numeric
--                    (see medians below), not with percentile_cont, which works in floating point.
--   warnings         number of warnings issued in P
--   dissuaded_visits warnings issued in P with channel VISIT and outcome DISSUADED
--
-- The districts are filtered with = ANY (an array) rather than IN (a subquery of the districts CTE): a CTE scan
-- keeps PostgreSQL from running the joins below with parallel workers.
--
-- Distinct counts are not additive: GROUPING SETS computes the city's distinct accounts and refund cases over
-- the city's own rows, never as a sum of the districts' (metrics.md, "Distinct counts are not additive").
-- The city (:cityCode) covers the configured districts (:districts, comma-separated).
-- year-to-date.sql computes the same definitions for the city's year to date (the bulletins): a change to a
-- definition here must be made there too; YearToDateFiguresTest checks the two agree.
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
    GROUP BY c.case_id
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
    -- warning_day holds the exact per-day, per-district counts of fact_warning (V5__warning_day.sql):
    -- both warning metrics are plain counts, so summing days and districts is exact
    SELECT CASE WHEN :byDay THEN w.business_day ELSE CAST(:from AS date) END AS bucket,
           w.district_code, w.warnings, w.dissuaded_visits
    FROM warning_day w
    WHERE w.business_day BETWEEN :from AND :to
      AND w.district_code = ANY (string_to_array(:districts, ','))
),
warning_figures AS (
    SELECT bucket, coalesce(district_code, :cityCode) AS area,
           sum(warnings) AS warnings,
           sum(dissuaded_visits) AS dissuaded_visits
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
