-- Spring Session's cleanup each minute (its deleteSessionsByExpiryTimeQuery), judged by the database's clock rather
-- than the application's, whose time it is still given as its one parameter: the trigger of V33 records an idle
-- session's end by the database's clock, and a session deleted here by a clock running ahead of it went unrecorded.
DELETE FROM %TABLE_NAME%
WHERE EXPIRY_TIME < (SELECT (pg_catalog.date_part('epoch', pg_catalog.clock_timestamp()) * 1000)::bigint
                     WHERE CAST(? AS bigint) IS NOT NULL)
