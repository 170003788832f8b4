-- The latest periods the schedules ran, newest business day first: what /runs shows of the nights, weeks and
-- months, with why one failed.
SELECT schedule, business_day, status, started_at, finished_at, detail
FROM schedule_run
ORDER BY business_day DESC, schedule
LIMIT :limit
