-- The days of [:from, :to] whose data has not arrived, which a bulletin over them says (数据未到; bulletin/MissingData).
-- A day's data has arrived once a drop dated that day has been loaded, whatever it held. Until then: a day whose
-- latest daily bulletin said 数据未到 still has not (a later drop routinely carries a late record of the day, which
-- revises it, but its own drop is still missing), and any other day has not unless a later drop has been loaded (a
-- history loaded from month-end drops has one for every day, and then nothing is said).
SELECT d.day
FROM (SELECT CAST(g AS date) AS day
      FROM generate_series(CAST(:from AS date), CAST(:to AS date), interval '1 day') g) d
WHERE NOT EXISTS (SELECT 1 FROM drop_load l WHERE l.drop_date = d.day)
  AND (NOT EXISTS (SELECT 1 FROM drop_load l WHERE l.drop_date > d.day)
       OR coalesce((SELECT (r.figures -> 'notes' -> 'missing') IS NOT NULL
                    FROM bulletin_revision r
                    WHERE r.kind = 'daily' AND r.date_from = d.day
                    ORDER BY r.revision DESC
                    LIMIT 1), false))
ORDER BY d.day
