-- The bare baseline for one period as a whole (a night, a year): bare-rollup.sql without the day, i.e. each
-- district and the city over [:from, :to], with the same exact distinct counts (the city's over its own rows).
WITH cases AS (
    SELECT coalesce(district_code, 'city') AS area, count(*) AS cases, sum(loss_amount) AS loss_amount
    FROM fact_case
    WHERE business_day BETWEEN :from AND :to
    GROUP BY GROUPING SETS ((district_code), ())
),
actions AS (
    SELECT coalesce(c.district_code, 'city') AS area,
           count(DISTINCT f.account_hmac) FILTER (WHERE f.action = 'STOP_PAYMENT') AS stop_accounts,
           sum(f.amount) FILTER (WHERE f.action = 'STOP_PAYMENT')                  AS stop_amount,
           count(DISTINCT f.account_hmac) FILTER (WHERE f.action = 'FREEZE')       AS freeze_accounts,
           sum(f.amount) FILTER (WHERE f.action = 'FREEZE')                        AS freeze_amount
    FROM fact_freeze f JOIN fact_case c USING (case_id)
    WHERE f.business_day BETWEEN :from AND :to
    GROUP BY GROUPING SETS ((c.district_code), ())
),
refunds AS (
    SELECT coalesce(c.district_code, 'city') AS area,
           count(DISTINCT r.case_id) AS refund_cases, sum(r.amount) AS refund_amount
    FROM fact_refund r JOIN fact_case c USING (case_id)
    WHERE r.business_day BETWEEN :from AND :to
    GROUP BY GROUPING SETS ((c.district_code), ())
),
medians AS (
    SELECT coalesce(district_code, 'city') AS area,
           round((percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) / 60)::numeric, 1) AS median_minutes_to_stop
    FROM (SELECT c.district_code, greatest(extract(epoch FROM min(f.effective_at) - c.reported_at), 0) AS seconds
          FROM fact_case c JOIN fact_freeze f USING (case_id)
          WHERE c.business_day BETWEEN :from AND :to
          GROUP BY c.case_id, c.business_day) s
    GROUP BY GROUPING SETS ((district_code), ())
),
warnings AS (
    SELECT coalesce(district_code, 'city') AS area, sum(warnings) AS warnings, sum(dissuaded_visits) AS dissuaded_visits
    FROM warning_day
    WHERE business_day BETWEEN :from AND :to
    GROUP BY GROUPING SETS ((district_code), ())
)
SELECT *
FROM cases
FULL JOIN actions  USING (area)
FULL JOIN refunds  USING (area)
FULL JOIN medians  USING (area)
FULL JOIN warnings USING (area)
