-- Where do the daily rollups (tables: V5__warning_day.sql, V16__daily_rollups.sql; their views over the facts: V19__fact_partitions.sql) differ from what the facts say
-- over the business days [:from, :to]? Each rollup table is compared with its definition over the facts, the
-- view <rollup>_from_facts, recomputed here straight from fact_case, fact_freeze, fact_refund and fact_warning.
-- One row per difference: the rollup, day, district, what the row is about (fraud type, action, case) and the
-- value stored and the value from the facts (empty where that side has no row). No row: the rollups are right.
-- Account sets are compared row by row but reported as counts: an account's hash leaves the database nowhere.
WITH cases AS (
    SELECT 'case_day' AS rollup, coalesce(s.business_day, f.business_day) AS business_day,
           coalesce(s.district_code, f.district_code) AS district_code, coalesce(s.fraud_type, f.fraud_type) AS about,
           s.cases || ' cases, loss ' || s.loss_amount AS stored, f.cases || ' cases, loss ' || f.loss_amount AS from_facts
    FROM (SELECT * FROM case_day WHERE business_day BETWEEN :from AND :to) s
    FULL JOIN (SELECT * FROM case_day_from_facts WHERE business_day BETWEEN :from AND :to) f
           ON (f.business_day, f.district_code, f.fraud_type) = (s.business_day, s.district_code, s.fraud_type)
    WHERE (s.cases, s.loss_amount) IS DISTINCT FROM (f.cases, f.loss_amount)
),
actions AS (
    SELECT 'action_day', coalesce(s.business_day, f.business_day), coalesce(s.district_code, f.district_code),
           coalesce(s.action, f.action),
           s.actions || ' actions, amount ' || s.amount, f.actions || ' actions, amount ' || f.amount
    FROM (SELECT * FROM action_day WHERE business_day BETWEEN :from AND :to) s
    FULL JOIN (SELECT * FROM action_day_from_facts WHERE business_day BETWEEN :from AND :to) f
           ON (f.business_day, f.district_code, f.action) = (s.business_day, s.district_code, s.action)
    WHERE (s.actions, s.amount) IS DISTINCT FROM (f.actions, f.amount)
),
accounts AS (
    SELECT 'action_account_day', coalesce(s.business_day, f.business_day), coalesce(s.district_code, f.district_code),
           coalesce(s.action, f.action),
           count(s.account_hmac) || ' accounts the facts do not have',
           count(f.account_hmac) || ' accounts the rollup lacks'
    FROM (SELECT * FROM action_account_day WHERE business_day BETWEEN :from AND :to) s
    FULL JOIN (SELECT * FROM action_account_day_from_facts WHERE business_day BETWEEN :from AND :to) f
           ON (f.business_day, f.district_code, f.action, f.account_hmac)
            = (s.business_day, s.district_code, s.action, s.account_hmac)
    WHERE s.account_hmac IS NULL OR f.account_hmac IS NULL
    GROUP BY 1, 2, 3, 4
),
refunds AS (
    SELECT 'refund_day', coalesce(s.business_day, f.business_day), coalesce(s.district_code, f.district_code), '',
           s.refunds || ' refunds, amount ' || s.amount, f.refunds || ' refunds, amount ' || f.amount
    FROM (SELECT * FROM refund_day WHERE business_day BETWEEN :from AND :to) s
    FULL JOIN (SELECT * FROM refund_day_from_facts WHERE business_day BETWEEN :from AND :to) f
           ON (f.business_day, f.district_code) = (s.business_day, s.district_code)
    WHERE (s.refunds, s.amount) IS DISTINCT FROM (f.refunds, f.amount)
),
refund_cases AS (
    SELECT 'refund_case_day', coalesce(s.business_day, f.business_day), coalesce(s.district_code, f.district_code),
           coalesce(s.case_id, f.case_id),
           CASE WHEN s.case_id IS NOT NULL THEN 'refunded' END, CASE WHEN f.case_id IS NOT NULL THEN 'refunded' END
    FROM (SELECT * FROM refund_case_day WHERE business_day BETWEEN :from AND :to) s
    FULL JOIN (SELECT * FROM refund_case_day_from_facts WHERE business_day BETWEEN :from AND :to) f
           ON (f.business_day, f.district_code, f.case_id) = (s.business_day, s.district_code, s.case_id)
    WHERE s.case_id IS NULL OR f.case_id IS NULL
),
stop_times AS (
    SELECT 'case_stop_time', coalesce(s.business_day, f.business_day), coalesce(s.district_code, f.district_code),
           coalesce(s.case_id, f.case_id),
           s.business_day || ' ' || s.district_code || ' ' || s.seconds || ' s',
           f.business_day || ' ' || f.district_code || ' ' || f.seconds || ' s'
    FROM (SELECT * FROM case_stop_time WHERE business_day BETWEEN :from AND :to) s
    FULL JOIN (SELECT * FROM case_stop_time_from_facts WHERE business_day BETWEEN :from AND :to) f
           ON f.case_id = s.case_id
    WHERE (s.business_day, s.district_code, s.seconds) IS DISTINCT FROM (f.business_day, f.district_code, f.seconds)
),
warnings AS (
    SELECT 'warning_day', coalesce(s.business_day, f.business_day), coalesce(s.district_code, f.district_code), '',
           s.warnings || ' warnings, ' || s.dissuaded_visits || ' dissuaded visits',
           f.warnings || ' warnings, ' || f.dissuaded_visits || ' dissuaded visits'
    FROM (SELECT * FROM warning_day WHERE business_day BETWEEN :from AND :to) s
    FULL JOIN (SELECT * FROM warning_day_from_facts WHERE business_day BETWEEN :from AND :to) f
           ON (f.business_day, f.district_code) = (s.business_day, s.district_code)
    WHERE (s.warnings, s.dissuaded_visits) IS DISTINCT FROM (f.warnings, f.dissuaded_visits)
),
differences AS (
    SELECT * FROM cases
    UNION ALL SELECT * FROM actions
    UNION ALL SELECT * FROM accounts
    UNION ALL SELECT * FROM refunds
    UNION ALL SELECT * FROM refund_cases
    UNION ALL SELECT * FROM stop_times
    UNION ALL SELECT * FROM warnings
)
SELECT rollup, business_day, district_code, about, coalesce(stored, '') AS stored, coalesce(from_facts, '') AS from_facts
FROM differences
ORDER BY business_day, rollup, district_code, about
