-- Whether a load or a repair has changed a day of [:from, :to] since the rerun :failed started, or loaded a drop dated
-- in it (a day that said 数据未到 has its data now): then running that rerun again starts it anew, for a restart renders
-- only the days it had not finished, and those it had would keep what they said (r34e). The days and drops as the
-- night's rule counts them (sql/nightly/stale-bulletins.sql); "since" by the load numbers, the loads being numbered
-- in the order they were made, and a load's Batch execution id after the rerun's when it started after it.
WITH since AS (
    SELECT coalesce(max(load_number), 0) AS load_number
    FROM drop_load
    WHERE job_execution_id < :failed
)
SELECT EXISTS (SELECT 1
               FROM numbered_changed_day c, since s
               WHERE c.load_number > s.load_number AND c.business_day BETWEEN :from AND :to)
    OR EXISTS (SELECT 1
               FROM drop_load l, since s
               WHERE l.load_number > s.load_number AND l.drop_date BETWEEN :from AND :to)
