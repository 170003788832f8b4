-- Every rejected row once, oldest drop first, then by file (in loading order) and line; selected by drop date;
-- the first :limit of them (a page shows a thousand, the CLI and the API every one).
SELECT drop_date, file, line, record_id, reason, record_values::text AS record_values
FROM reject
WHERE drop_date BETWEEN :from AND :to
ORDER BY drop_date,
         array_position(ARRAY['cases.csv', 'freezes.csv', 'refunds.csv', 'warnings.csv'], file),
         line
LIMIT :limit
