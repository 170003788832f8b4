-- Published range bulletins (周报, 月报, any `rerun --range`) whose period holds a day that a load or a repair of
-- the rollups changed after the bulletin's latest render: stale-days.sql's rule, for periods. A weekly bulletin
-- rendered on Monday before Sunday's late drop came is re-rendered by the night that loads it (a new revision if
-- its figures moved). Periods starting after :date are left to later nights.
SELECT r.date_from, r.date_to
FROM (SELECT date_from, date_to, max(last_load_seen) AS last_load_seen
      FROM bulletin_revision
      WHERE kind = 'range'
      GROUP BY date_from, date_to) r
WHERE r.date_from <= :date
  AND EXISTS (SELECT 1
              FROM numbered_changed_day c
              WHERE c.business_day BETWEEN r.date_from AND r.date_to
                AND c.load_number > r.last_load_seen)
ORDER BY r.date_from, r.date_to
