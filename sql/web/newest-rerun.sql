-- The newest execution of the rerun job over exactly :from..:to made after execution :after: the one a rerun
-- or a restart just started from the portal (the job runs on a thread of its own and says its id nowhere else).
SELECT max(e.job_execution_id)
FROM batch_job_execution e
JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
JOIN batch_job_execution_params f ON f.job_execution_id = e.job_execution_id AND f.parameter_name = 'from'
JOIN batch_job_execution_params t ON t.job_execution_id = e.job_execution_id AND t.parameter_name = 'to'
WHERE i.job_name = 'rerunBulletins'
  AND e.job_execution_id > :after
  AND f.parameter_value = :from
  AND t.parameter_value = :to
