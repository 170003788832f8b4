-- Whether a corrected bulletin moved a figure a headline quotes: its latest revision (:revision) against its first,
-- for the headline's area (:area, a district or the city) and the figures of its topic (:metrics, metric keys). A
-- press office quoted the first or a later revision; the notice that the bulletin was corrected told a district's
-- prevention headline to check figures the correction had not touched (a press officer, 2026-12-06).
SELECT EXISTS (
    SELECT 1
    FROM unnest(CAST(:metrics AS text[])) AS m(key)
    WHERE (SELECT r.figures -> 'areas' -> CAST(:area AS text) ->> m.key
           FROM bulletin_revision r
           WHERE r.kind = :kind AND r.date_from = :from AND r.date_to = :to AND r.revision = :revision)
          IS DISTINCT FROM
          (SELECT r.figures -> 'areas' -> CAST(:area AS text) ->> m.key
           FROM bulletin_revision r
           WHERE r.kind = :kind AND r.date_from = :from AND r.date_to = :to AND r.revision = 1))
