-- The business days whose figures the given loads changed (sql/ingest/merge-*.sql record them), oldest first.
SELECT DISTINCT business_day
FROM changed_day
WHERE job_execution_id IN (:jobExecutionIds)
ORDER BY business_day
