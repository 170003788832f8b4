-- Whether a drop's load committed: its step records the load (record-drop-load.sql) in the same transaction as the
-- facts and the rollups it merged, so a row here under its job execution means all of it is in, none means none is.
SELECT EXISTS (SELECT 1 FROM drop_load WHERE job_execution_id = :jobExecutionId)
