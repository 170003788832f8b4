-- Every rejected row once, oldest drop first, then by file (in loading order) and line; selected by drop date;
-- the first :limit of them (the CLI and the API every one). The portal's page asks for :newestFirst: a thousand
-- from the latest drop back, since last night's rejects are the ones looked for, and oldest first a page held the
-- first weeks of the history only.
-- With :withCounted (the page), the drop and line of the version of the same record that counts, if any: a rejected
-- correction leaves the earlier version counted, which the provider must be told (tester), and a rejected row may
-- have been sent again, fixed, by a later drop. The key registers find it, then its month of the facts.
SELECT j.drop_date, j.file, j.line, j.record_id, j.reason, j.record_values::text AS record_values,
       v.drop_date AS counted_drop_date, v.line AS counted_line
FROM reject j
LEFT JOIN LATERAL (SELECT c.drop_date, c.line
                   FROM fact_case_key k JOIN fact_case c ON c.case_id = k.case_id AND c.business_day = k.business_day
                   WHERE :withCounted AND j.file = 'cases.csv' AND k.case_id = j.record_id
                   UNION ALL
                   SELECT f.drop_date, f.line
                   FROM fact_freeze_key k JOIN fact_freeze f ON f.freeze_id = k.freeze_id AND f.business_day = k.business_day
                   WHERE :withCounted AND j.file = 'freezes.csv' AND k.freeze_id = j.record_id
                   UNION ALL
                   SELECT r.drop_date, r.line
                   FROM fact_refund_key k JOIN fact_refund r ON r.refund_id = k.refund_id AND r.business_day = k.business_day
                   WHERE :withCounted AND j.file = 'refunds.csv' AND k.refund_id = j.record_id
                   UNION ALL
                   SELECT w.drop_date, w.line
                   FROM fact_warning_key k JOIN fact_warning w ON w.warning_id = k.warning_id AND w.business_day = k.business_day
                   WHERE :withCounted AND j.file = 'warnings.csv' AND k.warning_id = j.record_id) v ON true
WHERE j.drop_date BETWEEN :from AND :to
ORDER BY CASE WHEN :newestFirst THEN j.drop_date END DESC NULLS LAST,
         j.drop_date,
         array_position(ARRAY['cases.csv', 'freezes.csv', 'refunds.csv', 'warnings.csv'], j.file),
         j.line
LIMIT :limit
