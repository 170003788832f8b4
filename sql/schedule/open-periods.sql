-- Where a schedule's catch-up starts: the last period that finished, and the oldest one left unfinished
-- (waiting for its drop, or claimed by a node that died).
SELECT max(business_day) FILTER (WHERE status IN ('DONE', 'MISSING_DATA', 'FAILED')) AS last_finished,
       min(business_day) FILTER (WHERE status IN ('RUNNING', 'WAITING'))              AS first_unfinished
FROM schedule_run
WHERE schedule = :schedule
