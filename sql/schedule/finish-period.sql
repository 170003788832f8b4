-- The work of the period ended: DONE, MISSING_DATA or FAILED, with the work's exit code (NULL when it threw) and,
-- for a failure, why in one line; the last day of its period (V40): of a night, its day.
UPDATE schedule_run
SET status = :status, finished_at = :now, exit_code = :exitCode, detail = :detail, period_to = :periodTo
WHERE schedule = :schedule AND business_day = :day AND instance = :instance
