-- Published daily bulletins up to :date whose figures may have changed since they were last rendered: a day
-- changed under a number its latest render had not seen (numbered above the last load that render included; both
-- numbers come from load_counter, V14, so no clock is compared). The changes are numbered_changed_day's (V23): the
-- days of every load, made by hand with `ingest` or by a nightly run that died after loading, not only tonight's,
-- and the days of every repair of the rollups (`verify --repair`, after a fact was corrected in psql).
-- And a day whose latest revision said 数据未到 once a drop dated that day was loaded after it, even one that
-- changed no figure (empty, or only corrections of other days): the notice promised a revision when the data came.
SELECT business_day
FROM (SELECT c.business_day
      FROM numbered_changed_day c
      JOIN (SELECT date_from AS business_day, max(last_load_seen) AS last_load_seen
            FROM bulletin_revision
            WHERE kind = 'daily'
            GROUP BY date_from) r ON r.business_day = c.business_day
      WHERE c.business_day <= :date
        AND c.load_number > r.last_load_seen
      UNION
      SELECT r.date_from
      FROM (SELECT DISTINCT ON (date_from) date_from, last_load_seen, figures
            FROM bulletin_revision
            WHERE kind = 'daily'
            ORDER BY date_from, revision DESC) r
      JOIN drop_load l ON l.drop_date = r.date_from
      WHERE r.date_from <= :date
        AND (r.figures -> 'notes' -> 'missing') IS NOT NULL
        AND l.load_number > r.last_load_seen) stale
ORDER BY business_day
