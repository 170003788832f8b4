-- The drop of the period is not there yet, or a range waits for a night: the period waits for a retry and may be
-- taken over by any node. What it waits for is kept for /runs.
UPDATE schedule_run
SET status = 'WAITING', detail = :why
WHERE schedule = :schedule AND business_day = :day AND instance = :instance
