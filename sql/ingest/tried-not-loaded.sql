-- The days whose own drop was tried and never loaded (a load that failed and was not put right since): each is
-- 数据未到 to every bulletin reading it (sql/bulletin/days-not-arrived.sql), which `ingest` warns of at its end, oldest
-- first, with the latest try's job execution (history says why it failed).
SELECT CAST(p.parameter_value AS date) AS day, max(e.job_execution_id) AS job_execution_id
FROM batch_job_execution_params p
JOIN batch_job_execution e ON e.job_execution_id = p.job_execution_id
JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
WHERE i.job_name = 'ingestDrop' AND p.parameter_name = 'drop.date'
  AND NOT EXISTS (SELECT 1 FROM drop_load l WHERE CAST(l.drop_date AS text) = p.parameter_value)
GROUP BY p.parameter_value
ORDER BY 1
