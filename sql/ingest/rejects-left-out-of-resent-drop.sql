-- A drop sent again replaces the listing of bad rows of each file it holds again (merge-rejects.sql). A bad row of
-- the earlier load that the file sent now holds neither as written, nor corrected (a good row of its id), nor bad
-- again (a bad row of its id) was left out by the provider, and leaves the listing: the loader says how many per
-- file and the first one's line, as it says of records left out (withdrawn-from-resent-drop.sql), so that a
-- statistician who listed them before is not left to wonder where they went (r44a). Run before merge-rejects.sql.
SELECT r.file, count(*) AS rows, min(r.line) AS first_line
FROM reject r
WHERE r.drop_date = :dropDate AND r.file = ANY (string_to_array(:files, ','))
  AND NOT EXISTS (SELECT 1 FROM stage_reject s
                  WHERE s.file = r.file AND (s.record_values::text = r.record_values::text
                                           OR (r.record_id <> '' AND s.record_id = r.record_id)))
  AND NOT (r.file = 'cases.csv' AND EXISTS (SELECT 1 FROM stage_cases s WHERE s.case_id = r.record_id))
  AND NOT (r.file = 'freezes.csv' AND EXISTS (SELECT 1 FROM stage_freezes s WHERE s.freeze_id = r.record_id))
  AND NOT (r.file = 'refunds.csv' AND EXISTS (SELECT 1 FROM stage_refunds s WHERE s.refund_id = r.record_id))
  AND NOT (r.file = 'warnings.csv' AND EXISTS (SELECT 1 FROM stage_warnings s WHERE s.warning_id = r.record_id))
GROUP BY r.file
ORDER BY array_position(ARRAY['cases.csv', 'freezes.csv', 'refunds.csv', 'warnings.csv'], r.file)
