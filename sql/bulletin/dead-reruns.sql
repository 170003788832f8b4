-- Reruns still marked running whose days overlap :from..:to, asked by a run that holds the lock of every one of
-- those days. A live rerun holds the locks of all its days until it ends, so these are reruns whose process
-- died (kill -9, power cut): nothing will ever finish them.
SELECT e.job_execution_id
FROM batch_job_execution e
JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
JOIN batch_job_execution_params f ON f.job_execution_id = e.job_execution_id AND f.parameter_name = 'from'
JOIN batch_job_execution_params t ON t.job_execution_id = e.job_execution_id AND t.parameter_name = 'to'
WHERE i.job_name = 'rerunBulletins'
  AND e.status IN ('STARTING', 'STARTED', 'STOPPING')
  AND CAST(f.parameter_value AS date) <= CAST(:to AS date)
  AND CAST(t.parameter_value AS date) >= CAST(:from AS date)
ORDER BY e.job_execution_id
