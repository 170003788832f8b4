-- The city's figures since 1 January for every day of one calendar year [:from = 1 January, :to = 31 December]:
-- the row of day D holds exactly what area-figures.sql gives for the city over [1 January, D], for every
-- metric but the median (year-to-date-stop-times.sql). The daily bulletins print this year's and last year's
-- year to date; asking area-figures.sql for each of a year's 365 days reads the year 365 times, this reads it once.
-- The same 统计口径 as area-figures.sql (read its header first): same tables, same joins, same districts.
-- day_cases and day_stop_amount are day D alone (the daily bulletin's 30-day trend): area-figures.sql's city
-- row with :byDay.
--
-- Additive metrics (counts and sums) are running sums of each day's totals.
-- Distinct counts are not additive (metrics.md): an account with stop-payments on 3 March and 9 May counts once
-- from 3 March on. So each account (and each refunded case) is counted on the first day of the year it
-- appears, and the running sum of those first appearances is the distinct count since 1 January.
-- As in area-figures.sql, the city's distinct counts are over the city's own rows (an account in cases of two
-- districts is one account).
WITH days AS (
    SELECT d::date AS day
    FROM generate_series(CAST(:from AS date), CAST(:to AS date), interval '1 day') AS d
),
case_days AS (
    SELECT c.business_day AS day, count(*) AS cases, sum(c.loss_amount) AS loss_amount
    FROM fact_case c
    WHERE c.business_day BETWEEN :from AND :to
      AND c.district_code = ANY (string_to_array(:districts, ','))
    GROUP BY c.business_day
),
year_actions AS (
    SELECT f.business_day, f.action, f.account_hmac, f.amount
    FROM fact_freeze f
    JOIN fact_case c ON c.case_id = f.case_id
    WHERE f.business_day BETWEEN :from AND :to
      AND c.district_code = ANY (string_to_array(:districts, ','))
),
action_days AS (
    SELECT business_day AS day,
           sum(amount) FILTER (WHERE action = 'STOP_PAYMENT') AS stop_amount,
           sum(amount) FILTER (WHERE action = 'FREEZE')       AS freeze_amount
    FROM year_actions
    GROUP BY business_day
),
first_accounts AS (
    -- each account's first day of the year with a stop-payment, and with a freeze
    SELECT action, account_hmac, min(business_day) AS first_day
    FROM year_actions
    GROUP BY action, account_hmac
),
new_account_days AS (
    SELECT first_day AS day,
           count(*) FILTER (WHERE action = 'STOP_PAYMENT') AS new_stop_accounts,
           count(*) FILTER (WHERE action = 'FREEZE')       AS new_freeze_accounts
    FROM first_accounts
    GROUP BY first_day
),
year_refunds AS (
    SELECT r.business_day, r.case_id, r.amount
    FROM fact_refund r
    JOIN fact_case c ON c.case_id = r.case_id
    WHERE r.business_day BETWEEN :from AND :to
      AND c.district_code = ANY (string_to_array(:districts, ','))
),
refund_days AS (
    SELECT business_day AS day, sum(amount) AS refund_amount
    FROM year_refunds
    GROUP BY business_day
),
new_refund_case_days AS (
    -- each refunded case on the first day of the year it had a refund
    SELECT first_day AS day, count(*) AS new_refund_cases
    FROM (SELECT case_id, min(business_day) AS first_day FROM year_refunds GROUP BY case_id) AS first_refunds
    GROUP BY first_day
),
warning_days AS (
    SELECT w.business_day AS day, sum(w.warnings) AS warnings, sum(w.dissuaded_visits) AS dissuaded_visits
    FROM warning_day w
    WHERE w.business_day BETWEEN :from AND :to
      AND w.district_code = ANY (string_to_array(:districts, ','))
    GROUP BY w.business_day
)
SELECT d.day                                                                        AS day,
       coalesce(cd.cases, 0)                                                        AS day_cases,
       coalesce(ad.stop_amount, 0)                                                  AS day_stop_amount,
       sum(coalesce(cd.cases, 0))                  OVER since_january               AS cases,
       sum(coalesce(cd.loss_amount, 0))            OVER since_january               AS loss_amount,
       sum(coalesce(na.new_stop_accounts, 0))      OVER since_january               AS stop_accounts,
       sum(coalesce(ad.stop_amount, 0))            OVER since_january               AS stop_amount,
       sum(coalesce(na.new_freeze_accounts, 0))    OVER since_january               AS freeze_accounts,
       sum(coalesce(ad.freeze_amount, 0))          OVER since_january               AS freeze_amount,
       sum(coalesce(nr.new_refund_cases, 0))       OVER since_january               AS refund_cases,
       sum(coalesce(rd.refund_amount, 0))          OVER since_january               AS refund_amount,
       sum(coalesce(wd.warnings, 0))               OVER since_january               AS warnings,
       sum(coalesce(wd.dissuaded_visits, 0))       OVER since_january               AS dissuaded_visits
FROM days d
LEFT JOIN case_days            cd ON cd.day = d.day
LEFT JOIN action_days          ad ON ad.day = d.day
LEFT JOIN new_account_days     na ON na.day = d.day
LEFT JOIN refund_days          rd ON rd.day = d.day
LEFT JOIN new_refund_case_days nr ON nr.day = d.day
LEFT JOIN warning_days         wd ON wd.day = d.day
WINDOW since_january AS (ORDER BY d.day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
ORDER BY d.day
