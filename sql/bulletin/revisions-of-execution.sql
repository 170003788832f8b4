-- What a rerun published, first publications and corrections alike, oldest period first, over every execution of its
-- job instance (a restarted rerun goes on in a new execution of the same instance, as published-by-rerun.sql counts):
-- its page says which bulletins went out (and were mailed) without the statistician searching the archive for them.
SELECT r.kind, r.date_from, r.date_to, r.revision, r.changes::text AS changes, r.job_execution_id, r.generated_at,
       r.figures -> 'notes' -> 'missing' ->> 'text' AS missing_note, r.out_folder
FROM bulletin_revision r
JOIN batch_job_execution e ON e.job_execution_id = r.job_execution_id
WHERE e.job_instance_id = (SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = :jobExecutionId)
ORDER BY r.date_from, r.date_to, r.kind, r.revision
