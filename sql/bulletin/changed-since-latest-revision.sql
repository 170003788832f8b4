-- Why a bulletin's next revision moved: the days whose records a load or a repair of the rollups changed after its
-- latest revision was rendered (numbered above its last_load_seen, stale-bulletins.sql's rule), among the days its
-- figures read (:reads, JSON rows of bulletin/ReadDays: its period, its bases, its year to date and last year's, a
-- daily's trend). A correction of 11-30 whose only change was 今年以来 said nothing of the late case of 10-20 that
-- moved it (tester); read as "1 January of last year to its last day", it named days the bulletin never reads (review).
SELECT DISTINCT c.business_day
FROM numbered_changed_day c
JOIN json_to_recordset(CAST(:reads AS json)) AS r(first_day date, last_day date)
  ON c.business_day BETWEEN r.first_day AND r.last_day
WHERE c.load_number > (SELECT v.last_load_seen
                       FROM bulletin_revision v
                       WHERE v.kind = :kind AND v.date_from = :from AND v.date_to = :to
                       ORDER BY v.revision DESC
                       LIMIT 1)
ORDER BY c.business_day
