-- The highest job execution id so far (0 when none): executions made after this moment have higher ids.
SELECT coalesce(max(job_execution_id), 0) FROM batch_job_execution
