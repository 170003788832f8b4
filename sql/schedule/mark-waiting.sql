-- The drop of the period is not there yet: the period waits for a retry and may be taken over by any node.
UPDATE schedule_run
SET status = 'WAITING'
WHERE schedule = :schedule AND business_day = :day AND instance = :instance
