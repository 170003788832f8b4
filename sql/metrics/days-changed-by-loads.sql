-- The business days whose facts the given loads (:jobExecutionIds, job execution ids) changed, oldest first:
-- the days whose rollup rows those loads recomputed (sql/ingest/rollup-*.sql), which the nightly run verifies.
SELECT DISTINCT business_day
FROM changed_day
WHERE job_execution_id IN (:jobExecutionIds)
ORDER BY business_day
