-- The work of the period ended: DONE, MISSING_DATA or FAILED, with the work's exit code (NULL when it threw) and,
-- for a failure, why in one line.
UPDATE schedule_run
SET status = :status, finished_at = :now, exit_code = :exitCode, detail = :detail
WHERE schedule = :schedule AND business_day = :day AND instance = :instance
