-- The drops tried for a day (sql/bulletin/days-not-arrived.sql: a day whose own drop was tried and never loaded is
-- 数据未到), looked up by date at every bulletin's render: without an index each look read every job parameter of the
-- history, 2.6 ms a call over ten years' executions and about 7 calls a bulletin (review r39e); with it, under 1 ms.
CREATE INDEX IF NOT EXISTS batch_job_execution_params_drop_date ON batch_job_execution_params (parameter_value)
    WHERE parameter_name = 'drop.date';
