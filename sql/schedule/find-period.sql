-- One period's row, to say why it was not claimed.
SELECT status, instance, started_at
FROM schedule_run
WHERE schedule = :schedule AND business_day = :day
