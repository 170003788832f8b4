-- The latest rerun of exactly these dates, folder, formats and range flag, if it failed or stopped and was
-- not restarted successfully since: restarting it renders only the days it had not finished.
WITH runs AS (
    SELECT e.job_execution_id, e.job_instance_id, e.status,
           row_number() OVER (ORDER BY e.job_execution_id DESC) AS newest
    FROM batch_job_execution e
    JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
    WHERE i.job_name = 'rerunBulletins'
      AND EXISTS (SELECT 1 FROM batch_job_execution_params p WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = 'from' AND p.parameter_value = :from)
      AND EXISTS (SELECT 1 FROM batch_job_execution_params p WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = 'to' AND p.parameter_value = :to)
      AND EXISTS (SELECT 1 FROM batch_job_execution_params p WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = 'out' AND p.parameter_value = :out)
      AND EXISTS (SELECT 1 FROM batch_job_execution_params p WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = 'formats' AND p.parameter_value = :formats)
      AND EXISTS (SELECT 1 FROM batch_job_execution_params p WHERE p.job_execution_id = e.job_execution_id AND p.parameter_name = 'range' AND p.parameter_value = :range)
)
SELECT job_execution_id FROM runs WHERE newest = 1 AND status IN ('FAILED', 'STOPPED')
