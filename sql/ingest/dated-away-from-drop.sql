-- Rows of this drop dated far from the drop's own date, on either side: for each side the first (in load order) and
-- how many. feeds.md lets a drop carry records of earlier days and rejects no date, so they are loaded as written;
-- but a year mistyped at the source takes a record out of every period it belongs to without anyone seeing it, so
-- the loader says so.
--   after:  more than 7 days after the drop (2202 for 2022). The contract's sample holds a few rows dated a day or
--           two after their drop, and its figures count them: nothing to say about those.
--   before: before 1 January of the year before the drop's (2012 or 1022 for 2022). A bulletin of the drop's day
--           shows its year and the year before (同比), so such a row is in no figure a reader of that bulletin sees.
--           The sample's correction of a warning 388 days before its drop (2021-10-02 in 2022-10-25) falls in the
--           year before: nothing to say.
-- Staging holds only this drop's rows.
SELECT side, file, line, business_day, rows, CAST(:dropDate AS date) + 7 AS after_limit,
       make_date(CAST(extract(YEAR FROM CAST(:dropDate AS date)) AS int) - 1, 1, 1) AS before_limit
FROM (SELECT side, file, line, business_day, count(*) OVER (PARTITION BY side) AS rows,
             row_number() OVER (PARTITION BY side ORDER BY file, line) AS nth
      FROM (SELECT CASE WHEN business_day > CAST(:dropDate AS date) THEN 'after' ELSE 'before' END AS side,
                   file, line, business_day
            FROM (SELECT 'cases.csv' AS file, line, (reported_at AT TIME ZONE 'Asia/Shanghai')::date AS business_day FROM stage_cases
                  UNION ALL SELECT 'freezes.csv', line, (effective_at AT TIME ZONE 'Asia/Shanghai')::date FROM stage_freezes
                  UNION ALL SELECT 'refunds.csv', line, (refunded_at AT TIME ZONE 'Asia/Shanghai')::date FROM stage_refunds
                  UNION ALL SELECT 'warnings.csv', line, (issued_at AT TIME ZONE 'Asia/Shanghai')::date FROM stage_warnings) staged
            WHERE business_day > CAST(:dropDate AS date) + 7
               OR business_day < make_date(CAST(extract(YEAR FROM CAST(:dropDate AS date)) AS int) - 1, 1, 1)) far
     ) numbered
WHERE nth = 1
ORDER BY side
