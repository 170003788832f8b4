-- Takes over a period waiting for its drop, or a night that failed on or after :failedSince (a bad drop, since
-- replaced; the database gone a moment; NULL for range bulletins, never tried again so): nobody works on it between
-- two looks, so whichever node fires next may. The WHERE makes the takeover
-- atomic. A period still RUNNING is taken over only from a node that died (take-over-abandoned.sql), never from a
-- slow one.
UPDATE schedule_run
SET status = 'RUNNING', started_at = :now, instance = :instance, finished_at = NULL, exit_code = NULL, detail = NULL
WHERE schedule = :schedule
  AND business_day = :day
  AND (status = 'WAITING' OR (status = 'FAILED' AND business_day >= CAST(:failedSince AS date)))
