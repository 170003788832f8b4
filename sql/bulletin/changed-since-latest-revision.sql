-- Why a bulletin's next revision moved: the days whose records a load or a repair of the rollups changed after its
-- latest revision was rendered (numbered above its last_load_seen, stale-bulletins.sql's rule), among the days its
-- figures read (:reads, JSON rows {kind, date_from, date_to, first_day, last_day} of bulletin/ReadDays: its period,
-- its bases, its year to date and last year's, a daily's trend). A correction of 11-30 whose only change was 今年以来
-- said nothing of the late case of 10-20 that moved it (tester); read as "1 January of last year to its last day", it
-- named days the bulletin never reads (review). Of one bulletin (its 更正原因, its page's notice) or of every one an
-- archive listing holds (the API's read_days_changed, r37c): one rule for both. Each day's latest change is found once.
WITH reads AS MATERIALIZED (
    SELECT * FROM json_to_recordset(CAST(:reads AS json)) AS r(kind text, date_from date, date_to date, first_day date, last_day date)
), latest AS MATERIALIZED (
    SELECT b.kind, b.date_from, b.date_to, v.last_load_seen
    FROM (SELECT DISTINCT kind, date_from, date_to FROM reads) b
    JOIN LATERAL (SELECT last_load_seen
                  FROM bulletin_revision
                  WHERE kind = b.kind AND date_from = b.date_from AND date_to = b.date_to
                  ORDER BY revision DESC
                  LIMIT 1) v ON true
), last_change AS MATERIALIZED (
    -- only the days changed after the oldest of those renders: most days of years of archive changed before any
    -- bulletin listed was rendered, and each day kept is compared with every span read (review 37d)
    -- moved_only: every change of the day since was a move of the first day of the records, none of its records
    -- (V43; the 更正原因 says so instead of naming the day)
    SELECT business_day, max(load_number) AS load_number,
           bool_and(records_start_moved) FILTER (WHERE load_number > (SELECT min(last_load_seen) FROM latest)) AS moved_only
    FROM numbered_changed_day
    WHERE business_day BETWEEN (SELECT min(first_day) FROM reads) AND (SELECT max(last_day) FROM reads)
    GROUP BY business_day
    HAVING max(load_number) > (SELECT min(last_load_seen) FROM latest)
)
SELECT DISTINCT x.kind, x.date_from, x.date_to, c.business_day, c.moved_only
FROM reads x
JOIN latest l ON l.kind = x.kind AND l.date_from = x.date_from AND l.date_to = x.date_to
JOIN last_change c ON c.business_day BETWEEN x.first_day AND x.last_day AND c.load_number > l.last_load_seen
ORDER BY x.kind, x.date_from, x.date_to, c.business_day
