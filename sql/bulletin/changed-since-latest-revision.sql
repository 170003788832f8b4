-- Why a bulletin's next revision moved: the days whose records a load or a repair of the rollups changed after its
-- latest revision was rendered (numbered above its last_load_seen, stale-days.sql's rule), among the days its
-- figures read (the previous year's first day to its last day: the period, its bases, its year to date and last
-- year's, the trend). A correction of 11-30 whose only change was 今年以来 said nothing of the late case of 10-20
-- that moved it (tester).
SELECT DISTINCT c.business_day
FROM numbered_changed_day c
WHERE c.business_day BETWEEN make_date(extract(year FROM CAST(:to AS date))::int - 1, 1, 1) AND :to
  AND c.load_number > (SELECT r.last_load_seen
                       FROM bulletin_revision r
                       WHERE r.kind = :kind AND r.date_from = :from AND r.date_to = :to
                       ORDER BY r.revision DESC
                       LIMIT 1)
ORDER BY c.business_day
