-- Why a bulletin's next revision moved: the days whose records a load or a repair of the rollups changed after its
-- latest revision was rendered (numbered above its last_load_seen, stale-bulletins.sql's rule), among the days its
-- figures read (:reads, JSON rows {kind, date_from, date_to, first_day, last_day} of bulletin/ReadDays: its period,
-- its bases, its year to date and last year's, a daily's trend). A correction of 11-30 whose only change was 今年以来
-- said nothing of the late case of 10-20 that moved it (tester); read as "1 January of last year to its last day", it
-- named days the bulletin never reads (review). Of one bulletin (its 更正原因, its page's notice) or of every one an
-- archive listing holds (the API's read_days_changed, r37c): one rule for both. Each day's latest change is found once.
WITH reads AS MATERIALIZED (
    SELECT * FROM json_to_recordset(CAST(:reads AS json)) AS r(kind text, date_from date, date_to date, first_day date, last_day date)
), last_change AS MATERIALIZED (
    SELECT business_day, max(load_number) AS load_number
    FROM numbered_changed_day
    WHERE business_day BETWEEN (SELECT min(first_day) FROM reads) AND (SELECT max(last_day) FROM reads)
    GROUP BY business_day
)
SELECT DISTINCT x.kind, x.date_from, x.date_to, c.business_day
FROM reads x
JOIN last_change c ON c.business_day BETWEEN x.first_day AND x.last_day
JOIN LATERAL (SELECT v.last_load_seen
              FROM bulletin_revision v
              WHERE v.kind = x.kind AND v.date_from = x.date_from AND v.date_to = x.date_to
              ORDER BY v.revision DESC
              LIMIT 1) latest ON c.load_number > latest.last_load_seen
ORDER BY x.kind, x.date_from, x.date_to, c.business_day
