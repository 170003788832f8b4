-- Takes a session advisory lock per business day of [?, ?] (namespace 42, key = days since 2000-01-01);
-- true when every day was free. Locks are released with the connection, so a crashed run leaves none.
SELECT coalesce(bool_and(pg_try_advisory_lock(42, (d::date - DATE '2000-01-01'))), true)
FROM generate_series(CAST(? AS date), CAST(? AS date), interval '1 day') AS d
