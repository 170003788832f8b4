-- Reruns whose days overlap :from..:to and that are still marked running, or hold a step still marked running,
-- asked by a run that holds the lock of every one of those days. A live rerun holds the locks of all its days
-- until it ends, so these are reruns nothing will ever finish: their process died (kill -9, power cut), or they
-- ended FAILED while making the steps of their days, leaving the ones made before marked STARTING, which Spring
-- Batch takes for a run still going ("A job execution for this job is already running") and refuses to restart.
-- Also those Batch left UNKNOWN, whose failure it could not write down (the disk full; tester E), and which it
-- restarts never: a day's render is one transaction, and one that did commit is kept as published when rendered again.
SELECT e.job_execution_id
FROM batch_job_execution e
JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
JOIN batch_job_execution_params f ON f.job_execution_id = e.job_execution_id AND f.parameter_name = 'from'
JOIN batch_job_execution_params t ON t.job_execution_id = e.job_execution_id AND t.parameter_name = 'to'
WHERE i.job_name = 'rerunBulletins'
  AND (e.status IN ('STARTING', 'STARTED', 'STOPPING', 'UNKNOWN')
       OR EXISTS (SELECT 1 FROM batch_step_execution s
                  WHERE s.job_execution_id = e.job_execution_id AND s.status IN ('STARTING', 'STARTED', 'STOPPING', 'UNKNOWN')))
  AND CAST(f.parameter_value AS date) <= CAST(:to AS date)
  AND CAST(t.parameter_value AS date) >= CAST(:from AS date)
ORDER BY e.job_execution_id
