-- The days a repair of the rollups changed (:days, comma-separated ISO dates, as in sql/ingest/rollup-*.sql), under
-- the repair's number: the stale checks and the headline's guard read them with the loads' days
-- (numbered_changed_day, V23).
INSERT INTO repaired_day (load_number, business_day)
SELECT :loadNumber, d
FROM unnest(CAST(string_to_array(:days, ',') AS date[])) d
