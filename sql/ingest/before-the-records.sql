-- Rows of this drop dated before the first day of the records: the day the deployment says they start
-- (:recordsStart, fraudstats.records-start) or, when it says none, the first day loaded so far (as
-- sql/bulletin/first-day-of-data.sql reads it; nothing loaded yet, nothing to say). The first of them (in load order)
-- and how many. They are loaded as written (feeds.md rejects no date), but they change what every bulletin reaching
-- back means: without the setting they move the start of the records back (a drop of stray September records made a
-- base of two refunds a whole day, 同比 +50.0% against it), with it no bulletin counts them while metrics does, and a
-- centre loading 957 cases of older history was told nothing of either (tester). Staging holds only this drop's rows.
WITH start AS (
    SELECT coalesce(CAST(:recordsStart AS date),
                    least((SELECT min(business_day) FROM case_day), (SELECT min(business_day) FROM warning_day))) AS first_day
),
-- Without the setting, only cases and warnings start the records (first-day-of-data.sql): a stop-payment effective
-- the evening before its case's day moves nothing, and is no stray (review).
staged AS (
    SELECT 'cases.csv' AS file, line, (reported_at AT TIME ZONE 'Asia/Shanghai')::date AS business_day FROM stage_cases
    UNION ALL SELECT 'freezes.csv', line, (effective_at AT TIME ZONE 'Asia/Shanghai')::date FROM stage_freezes
              WHERE CAST(:recordsStart AS date) IS NOT NULL
    UNION ALL SELECT 'refunds.csv', line, (refunded_at AT TIME ZONE 'Asia/Shanghai')::date FROM stage_refunds
              WHERE CAST(:recordsStart AS date) IS NOT NULL
    UNION ALL SELECT 'warnings.csv', line, (issued_at AT TIME ZONE 'Asia/Shanghai')::date FROM stage_warnings
),
before AS (
    SELECT s.file, s.line, s.business_day, count(*) OVER () AS rows, min(s.business_day) OVER () AS earliest,
           row_number() OVER (ORDER BY s.file, s.line) AS nth
    FROM staged s
    CROSS JOIN start
    WHERE s.business_day < start.first_day
)
SELECT b.file, b.line, b.business_day, b.rows, b.earliest, start.first_day
FROM before b
CROSS JOIN start
WHERE b.nth = 1
