-- When a rollup check begins, by the database's clock: the days it finds right are cleared of a suspicion recorded
-- before then only (clear-suspect-days.sql).
SELECT clock_timestamp()
