-- Rule 3 of feeds.md: every bad row is kept once per physical place (drop, file, line). A drop delivered
-- again with changed content replaces that drop's listing for the files it carries; an identical drop is
-- never loaded twice (its job instance is already complete).
WITH cleared AS (
    DELETE FROM reject r
    WHERE r.drop_date = :dropDate AND r.file IN (SELECT unnest(string_to_array(:files, ',')))
)
INSERT INTO reject (drop_date, file, line, record_id, reason, record_values)
SELECT drop_date, file, line, record_id, reason, record_values FROM stage_reject
ON CONFLICT (drop_date, file, line) DO UPDATE
   SET record_id = EXCLUDED.record_id, reason = EXCLUDED.reason, record_values = EXCLUDED.record_values
