-- Rows of this drop dated far from the drop's own date, on either side: for each side the first (in load order) and
-- how many. feeds.md lets a drop carry records of earlier days and rejects no date, so they are loaded as written;
-- but a year mistyped at the source takes a record out of every period it belongs to without anyone seeing it, so
-- the loader says so.
--   after:  more than 7 days after the drop (2202 for 2022). The contract's sample holds a few rows dated a day or
--           two after their drop, and its figures count them: nothing to say about those.
--   before: before 1 January of the year before the drop's (2012 or 1022 for 2022). A bulletin of the drop's day
--           shows its year and the year before (同比), so such a row is in no figure a reader of that bulletin sees.
--           In January the limit is 1 December two years back: the weekly and monthly bulletins rendered then cover
--           December, and their 同比 the December before (a week spanning New Year reaches back to 25 December).
--           The sample's correction of a warning 388 days before its drop (2021-10-02 in 2022-10-25) falls in the
--           year before: nothing to say.
-- Staging holds only this drop's rows.
WITH limits AS (
    SELECT CAST(:dropDate AS date) AS drop_day, CAST(:dropDate AS date) + 7 AS after_limit,
           least(make_date(CAST(extract(YEAR FROM CAST(:dropDate AS date)) AS int) - 1, 1, 1),
                 CAST(date_trunc('month', CAST(:dropDate AS date)) - interval '13 months' AS date)) AS before_limit
)
SELECT side, file, line, business_day, rows, after_limit, before_limit
FROM (SELECT side, file, line, business_day, count(*) OVER (PARTITION BY side) AS rows,
             row_number() OVER (PARTITION BY side ORDER BY file, line) AS nth
      FROM (SELECT CASE WHEN business_day > drop_day THEN 'after' ELSE 'before' END AS side,
                   file, line, business_day
            FROM (SELECT 'cases.csv' AS file, line, (reported_at AT TIME ZONE 'Asia/Shanghai')::date AS business_day FROM stage_cases
                  UNION ALL SELECT 'freezes.csv', line, (effective_at AT TIME ZONE 'Asia/Shanghai')::date FROM stage_freezes
                  UNION ALL SELECT 'refunds.csv', line, (refunded_at AT TIME ZONE 'Asia/Shanghai')::date FROM stage_refunds
                  UNION ALL SELECT 'warnings.csv', line, (issued_at AT TIME ZONE 'Asia/Shanghai')::date FROM stage_warnings) staged
            CROSS JOIN limits
            WHERE business_day > after_limit OR business_day < before_limit) far
     ) numbered
CROSS JOIN limits
WHERE nth = 1
ORDER BY side
