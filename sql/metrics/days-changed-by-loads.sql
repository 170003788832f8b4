-- The business days whose facts the given loads (:jobExecutionIds, job execution ids) changed, oldest first:
-- the days whose rollup rows those loads recomputed (sql/ingest/rollup-*.sql), which the nightly run verifies.
-- The days of repairs (repaired_day, V23) are not asked for: a repair is no load of the night, and `verify --repair`
-- checks its own period against the facts again once it has rewritten it.
SELECT DISTINCT business_day
FROM changed_day
WHERE job_execution_id IN (:jobExecutionIds)
ORDER BY business_day
