-- Every rejected row once, oldest drop first, then by file (in loading order) and line; selected by drop date;
-- the first :limit of them (the CLI and the API every one). The portal's page asks for :newestFirst: a thousand
-- from the latest drop back, since last night's rejects are the ones looked for, and oldest first a page held the
-- first weeks of the history only.
SELECT drop_date, file, line, record_id, reason, record_values::text AS record_values
FROM reject
WHERE drop_date BETWEEN :from AND :to
ORDER BY CASE WHEN :newestFirst THEN drop_date END DESC NULLS LAST,
         drop_date,
         array_position(ARRAY['cases.csv', 'freezes.csv', 'refunds.csv', 'warnings.csv'], file),
         line
LIMIT :limit
