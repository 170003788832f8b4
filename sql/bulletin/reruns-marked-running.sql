-- Reruns still marked running: those whose process died are marked failed (bulletin/Rerun.settleDeadReruns) before
-- a listing of the runs and at serve's start, once their days' lock shows that nothing runs them.
SELECT e.job_execution_id
FROM batch_job_execution e
JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
WHERE i.job_name = 'rerunBulletins'
  AND e.status IN ('STARTING', 'STARTED', 'STOPPING')
ORDER BY e.job_execution_id
