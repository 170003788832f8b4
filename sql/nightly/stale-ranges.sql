-- Published range bulletins (周报, 月报, any `rerun --range`) whose period holds a day that a load or a repair of
-- the rollups changed after the bulletin's latest render: stale-days.sql's rule, for periods. A weekly bulletin
-- rendered on Monday before Sunday's late drop came is re-rendered by the night that loads it (a new revision if
-- its figures moved). Periods starting after :date are left to later nights.
-- And a bulletin whose latest revision said 数据未到 once a drop dated in its period was loaded after it, even one
-- that moved no figure: the notice promised a revision when the data came.
SELECT date_from, date_to
FROM (SELECT r.date_from, r.date_to
      FROM (SELECT date_from, date_to, max(last_load_seen) AS last_load_seen
            FROM bulletin_revision
            WHERE kind = 'range'
            GROUP BY date_from, date_to) r
      WHERE r.date_from <= :date
        AND EXISTS (SELECT 1
                    FROM numbered_changed_day c
                    WHERE c.business_day BETWEEN r.date_from AND r.date_to
                      AND c.load_number > r.last_load_seen)
      UNION
      SELECT r.date_from, r.date_to
      FROM (SELECT DISTINCT ON (date_from, date_to) date_from, date_to, last_load_seen, figures
            FROM bulletin_revision
            WHERE kind = 'range'
            ORDER BY date_from, date_to, revision DESC) r
      WHERE r.date_from <= :date
        AND (r.figures -> 'notes' -> 'missing') IS NOT NULL
        AND EXISTS (SELECT 1
                    FROM drop_load l
                    WHERE l.drop_date BETWEEN r.date_from AND r.date_to
                      AND l.load_number > r.last_load_seen)) stale
ORDER BY date_from, date_to
