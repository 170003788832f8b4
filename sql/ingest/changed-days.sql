-- The business days this load (:jobExecutionId) changed, comma-separated ISO dates (NULL when none): the days
-- whose daily rollups sql/ingest/rollup-*.sql recompute in the load's transaction.
SELECT string_agg(to_char(business_day, 'YYYY-MM-DD'), ',' ORDER BY business_day)
FROM changed_day
WHERE job_execution_id = :jobExecutionId
