-- Spring Batch's schema indexes none of the columns its child tables are read by, so the run history (`history`,
-- /runs, /api/v1/runs: sql/batch/history.sql) scanned every step execution three times and every job parameter
-- once for each execution it listed: 41 s for 1000 executions of ten years' history, and ten such listings at
-- once held every connection of the pool while sign-ins and the scheduler waited (tester B). Spring Batch's own
-- guidance is to add them ("Recommendations for Indexing Metadata Tables").
CREATE INDEX IF NOT EXISTS batch_step_execution_by_job_execution ON batch_step_execution (job_execution_id);
CREATE INDEX IF NOT EXISTS batch_job_execution_params_by_job_execution ON batch_job_execution_params (job_execution_id);
CREATE INDEX IF NOT EXISTS batch_job_execution_by_instance ON batch_job_execution (job_instance_id);
