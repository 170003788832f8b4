-- A changed day a load recorded because it moved the first day of the records (sql/ingest/records-start-moved.sql),
-- not because a record of the day changed. The bulletins whose bases reach it are said changed all the same
-- (read_days_changed, the dry run's may-revise), but a revision's 更正原因 says that the first day of the records
-- moved, not that the day's data was updated: "2021-01-01 至 2021-09-30 的数据有更新" named nine months no record of
-- which had changed (review r38g). A day a load truly changed keeps false: its row is written first, by the merge.
ALTER TABLE changed_day ADD COLUMN records_start_moved boolean NOT NULL DEFAULT false;

CREATE OR REPLACE VIEW numbered_changed_day AS
SELECT l.load_number, c.business_day, c.records_start_moved
FROM changed_day c
JOIN drop_load l ON l.job_execution_id = c.job_execution_id
UNION ALL
SELECT r.load_number, r.business_day, false
FROM repaired_day r;
