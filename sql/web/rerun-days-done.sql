-- How many days of a rerun have been rendered: the renderDay partitions completed by this execution and by the
-- executions of the same run before it (a restart renders only the days still missing, so they count too), and a
-- day whose bulletin was saved when a stop marked its step STOPPED after it (Batch checks for a stop after the work too): its
-- write count is 1 (r34a: 4 of 10 done beside 5 published).
SELECT count(DISTINCT s.step_name)
FROM batch_step_execution s
JOIN batch_job_execution e ON e.job_execution_id = s.job_execution_id
WHERE e.job_instance_id = (SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = :id)
  AND e.job_execution_id <= :id
  AND s.step_name LIKE 'renderDay:%'
  AND (s.status = 'COMPLETED' OR s.write_count > 0)
