-- Takes over a period left RUNNING by a node that died mid-run. The caller holds the period's lock
-- (sql/storage/lock-period.sql), which a live node holds for as long as its row says RUNNING: so the node named
-- in the row is gone (its connection, and the lock with it, went when it died). The WHERE on the previous
-- instance makes the takeover atomic.
UPDATE schedule_run
SET started_at = :now, instance = :instance, finished_at = NULL
WHERE schedule = :schedule
  AND business_day = :day
  AND status = 'RUNNING'
  AND instance = :previous
