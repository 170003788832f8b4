-- A drop loaded before and sent again: the records whose version that counts came from this drop (fact drop_date),
-- in a file the drop holds again (:files; a drop may be sent again with only some of its files), that the drop no
-- longer holds. feeds.md has no deletion: they still count, which the provider who left them out may not expect, so
-- the loader says so (tester: "a record removed from a re-sent drop still counts", silently). Per file, how many
-- and the first id. Only a re-sent drop pays the scan: the facts have no index on drop_date, and a first load has
-- nothing to compare with. Run before the merges, while the facts still hold the earlier load's versions. Those the
-- drop sent again only as bad rows (stage_reject, its id as written) are told apart: the file holds them, and the
-- warning said it did not (r37a); the version loaded before counts all the same (rule 3 of feeds.md).
WITH resent AS (
    SELECT EXISTS (SELECT 1 FROM drop_load WHERE drop_date = :dropDate) AS yes
)
SELECT file, rejected, count(*) AS rows, min(id) AS first_id
FROM (SELECT file, id, EXISTS (SELECT 1 FROM stage_reject r WHERE r.file = w.file AND r.record_id = w.id) AS rejected
      FROM (SELECT 'cases.csv' AS file, f.case_id AS id
      FROM fact_case f
      WHERE (SELECT yes FROM resent) AND position('cases.csv' IN :files) > 0 AND f.drop_date = :dropDate
        AND NOT EXISTS (SELECT 1 FROM stage_cases s WHERE s.case_id = f.case_id)
      UNION ALL
      SELECT 'freezes.csv', f.freeze_id
      FROM fact_freeze f
      WHERE (SELECT yes FROM resent) AND position('freezes.csv' IN :files) > 0 AND f.drop_date = :dropDate
        AND NOT EXISTS (SELECT 1 FROM stage_freezes s WHERE s.freeze_id = f.freeze_id)
      UNION ALL
      SELECT 'refunds.csv', f.refund_id
      FROM fact_refund f
      WHERE (SELECT yes FROM resent) AND position('refunds.csv' IN :files) > 0 AND f.drop_date = :dropDate
        AND NOT EXISTS (SELECT 1 FROM stage_refunds s WHERE s.refund_id = f.refund_id)
      UNION ALL
      SELECT 'warnings.csv', f.warning_id
      FROM fact_warning f
      WHERE (SELECT yes FROM resent) AND position('warnings.csv' IN :files) > 0 AND f.drop_date = :dropDate
        AND NOT EXISTS (SELECT 1 FROM stage_warnings s WHERE s.warning_id = f.warning_id)) w) withdrawn
GROUP BY file, rejected
ORDER BY array_position(ARRAY['cases.csv', 'freezes.csv', 'refunds.csv', 'warnings.csv'], file), rejected
