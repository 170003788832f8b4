-- The revisions a rerun published, daily and range apart, over every execution of its job instance (a restarted
-- rerun goes on in a new execution of the same instance). A day whose figures were those of its latest revision
-- published nothing (revision-seen-unchanged.sql) and is not counted. published_now: those of this execution alone,
-- beside the days it rendered (the audit of a restart said 14 days rendered and 16 published: MLPS tester).
SELECT count(*) FILTER (WHERE r.kind = 'daily') AS dailies,
       count(*) FILTER (WHERE r.kind = 'range') AS ranges,
       count(*) FILTER (WHERE r.job_execution_id = :jobExecutionId) AS published_now
FROM bulletin_revision r
JOIN batch_job_execution e ON e.job_execution_id = r.job_execution_id
WHERE e.job_instance_id = (SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = :jobExecutionId)
