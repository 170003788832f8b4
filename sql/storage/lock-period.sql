-- The lock a node holds for as long as it works on one period of a schedule (from before its claim until the
-- period is finished or waiting): a RUNNING row whose lock is free belongs to a node that died. A single
-- 64-bit key, a key space apart from the two-key locks of lock-days.sql and lock-ingest.sql: the schedule's
-- name hashed into the high 32 bits, the day (days since 2000-01-01) in the low ones.
-- (the day masked to 32 bits, so that a day before 2000 cannot spill into the schedule's bits)
SELECT pg_try_advisory_lock((CAST(hashtext(?) AS bigint) << 32)
                            | ((CAST(? AS date) - DATE '2000-01-01') & CAST(4294967295 AS bigint)))
