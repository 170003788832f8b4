-- Claims a period for this node: one row per schedule and period, so of two nodes only one inserts it.
INSERT INTO schedule_run (schedule, business_day, status, started_at, instance)
VALUES (:schedule, :day, 'RUNNING', :now, :instance)
ON CONFLICT (schedule, business_day) DO NOTHING
