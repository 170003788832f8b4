-- Whether a period's own corrected bulletin moved a figure its headline quotes: its latest revision (:revision)
-- against its first revision that said no 数据未到 (a headline is refused over a day whose data had not arrived, so
-- nobody quoted that one), for the headline's area (:area, a district or the city) and the figures of its topic
-- (:metrics, metric keys). The notice that the bulletin was corrected told a district's prevention headline to check
-- figures the correction had not touched (a press officer, 2026-12-06). A figure one side did not keep (a metric or
-- a district added after it was published) did not move: `<>` of a null is no change, as bulletin/data/FigureSnapshot
-- compares them.
SELECT coalesce((
    SELECT bool_or((first.figures -> 'areas' -> CAST(:area AS text) ->> m.key)
                   <> (latest.figures -> 'areas' -> CAST(:area AS text) ->> m.key))
    FROM bulletin_revision latest
    JOIN LATERAL (SELECT f.figures
                  FROM bulletin_revision f
                  WHERE f.kind = latest.kind AND f.date_from = latest.date_from AND f.date_to = latest.date_to
                    AND f.revision < latest.revision AND f.figures -> 'notes' -> 'missing' IS NULL
                  ORDER BY f.revision
                  LIMIT 1) first ON true
    CROSS JOIN unnest(CAST(:metrics AS text[])) AS m(key)
    WHERE latest.kind = :kind AND latest.date_from = :from AND latest.date_to = :to AND latest.revision = :revision), false)
