-- Rows of this drop dated more than 7 days after the drop's own date: the first (in load order) and how many.
-- feeds.md lets a drop carry records of earlier days and rejects no date, so they are loaded as written (the
-- contract's sample holds a few dated a day or two after their drop, and its figures count them); but a year mistyped
-- at the source (2202 for 2022) would take a record out of every period it belongs to without anyone seeing it, so
-- the loader says so. Staging holds only this drop's rows.
SELECT file, line, business_day, count(*) OVER () AS rows
FROM (SELECT 'cases.csv' AS file, line, (reported_at AT TIME ZONE 'Asia/Shanghai')::date AS business_day FROM stage_cases
      UNION ALL SELECT 'freezes.csv', line, (effective_at AT TIME ZONE 'Asia/Shanghai')::date FROM stage_freezes
      UNION ALL SELECT 'refunds.csv', line, (refunded_at AT TIME ZONE 'Asia/Shanghai')::date FROM stage_refunds
      UNION ALL SELECT 'warnings.csv', line, (issued_at AT TIME ZONE 'Asia/Shanghai')::date FROM stage_warnings) staged
WHERE business_day > CAST(:dropDate AS date) + 7
ORDER BY file, line
LIMIT 1
