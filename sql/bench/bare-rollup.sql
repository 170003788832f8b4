-- The bare baseline of the metrics benchmark: what a DBA would write by hand to get the same figures per
-- business day and district, plus the city per day, over [:from, :to]. The same aggregates as
-- sql/metrics/area-figures.sql, distinct counts included (the city's over its own rows, via GROUPING SETS),
-- the median with the built-in percentile_cont; none of the pipeline's scaffolding (no district list, no
-- bucket for every day and area, no exact-numeric median, no zero-filling).
WITH cases AS (
    SELECT business_day, coalesce(district_code, 'city') AS area, count(*) AS cases, sum(loss_amount) AS loss_amount
    FROM fact_case
    WHERE business_day BETWEEN :from AND :to
    GROUP BY GROUPING SETS ((business_day, district_code), (business_day))
),
actions AS (
    SELECT f.business_day, coalesce(c.district_code, 'city') AS area,
           count(DISTINCT f.account_hmac) FILTER (WHERE f.action = 'STOP_PAYMENT') AS stop_accounts,
           sum(f.amount) FILTER (WHERE f.action = 'STOP_PAYMENT')                  AS stop_amount,
           count(DISTINCT f.account_hmac) FILTER (WHERE f.action = 'FREEZE')       AS freeze_accounts,
           sum(f.amount) FILTER (WHERE f.action = 'FREEZE')                        AS freeze_amount
    FROM fact_freeze f JOIN fact_case c USING (case_id)
    WHERE f.business_day BETWEEN :from AND :to
    GROUP BY GROUPING SETS ((f.business_day, c.district_code), (f.business_day))
),
refunds AS (
    SELECT r.business_day, coalesce(c.district_code, 'city') AS area,
           count(DISTINCT r.case_id) AS refund_cases, sum(r.amount) AS refund_amount
    FROM fact_refund r JOIN fact_case c USING (case_id)
    WHERE r.business_day BETWEEN :from AND :to
    GROUP BY GROUPING SETS ((r.business_day, c.district_code), (r.business_day))
),
medians AS (
    SELECT business_day, coalesce(district_code, 'city') AS area,
           round((percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) / 60)::numeric, 1) AS median_minutes_to_stop
    FROM (SELECT c.business_day, c.district_code,
                 greatest(extract(epoch FROM min(f.effective_at) - c.reported_at), 0) AS seconds
          FROM fact_case c JOIN fact_freeze f USING (case_id)
          WHERE c.business_day BETWEEN :from AND :to
          GROUP BY c.case_id, c.business_day) s
    GROUP BY GROUPING SETS ((business_day, district_code), (business_day))
),
warnings AS (
    SELECT business_day, coalesce(district_code, 'city') AS area,
           sum(warnings) AS warnings, sum(dissuaded_visits) AS dissuaded_visits
    FROM warning_day
    WHERE business_day BETWEEN :from AND :to
    GROUP BY GROUPING SETS ((business_day, district_code), (business_day))
)
SELECT *
FROM cases
FULL JOIN actions  USING (business_day, area)
FULL JOIN refunds  USING (business_day, area)
FULL JOIN medians  USING (business_day, area)
FULL JOIN warnings USING (business_day, area)
