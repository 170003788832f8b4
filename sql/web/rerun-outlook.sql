-- What a rerun would do to each bulletin it renders (the dry run): each day's daily bulletin, and with range the
-- bulletin of the whole period (周报, 月报 or 区间), given as :reads, JSON rows {kind, date_from, date_to, first_day,
-- last_day} of the days each one's figures read (bulletin/ReadDays: its period, its 同比 and 环比 bases, its year to
-- date and last year's, a daily's trend). For each, its latest published revision, if any, and whether anything it
-- prints may have changed since that revision was rendered: a load or a repair numbered above its last_load_seen
-- (stale-bulletins.sql's rule) on a day it reads, or a drop dated such a day loaded since, even one that changed no
-- figure (a day of them that had not arrived, 数据未到, has now: stale-bulletins.sql's 数据未到 rule). "May": a change that
-- cancels out publishes nothing, which only the render can tell; and "unchanged" is what the data says: a catalogue
-- or a program changed since can still move a figure. A bulletin never published is published for the first time.
-- Each day's latest change and latest drop are found once. The dailies first, by day, then the range.
WITH reads AS MATERIALIZED (
    SELECT * FROM json_to_recordset(CAST(:reads AS json)) AS r(kind text, date_from date, date_to date, first_day date, last_day date)
), last_change AS MATERIALIZED (
    SELECT business_day, max(load_number) AS load_number
    FROM numbered_changed_day
    WHERE business_day BETWEEN (SELECT min(first_day) FROM reads) AND (SELECT max(last_day) FROM reads)
    GROUP BY business_day
), last_drop AS MATERIALIZED (
    SELECT drop_date, max(load_number) AS load_number
    FROM drop_load
    WHERE drop_date BETWEEN (SELECT min(first_day) FROM reads) AND (SELECT max(last_day) FROM reads)
    GROUP BY drop_date
)
SELECT b.kind, b.date_from, b.date_to, r.revision AS published_revision,
       r.revision IS NOT NULL
       AND (EXISTS (SELECT 1
                    FROM reads x
                    JOIN last_change c ON c.business_day BETWEEN x.first_day AND x.last_day
                    WHERE x.kind = b.kind AND x.date_from = b.date_from AND x.date_to = b.date_to
                      AND c.load_number > r.last_load_seen)
            OR EXISTS (SELECT 1
                       FROM reads x
                       JOIN last_drop l ON l.drop_date BETWEEN x.first_day AND x.last_day
                       WHERE x.kind = b.kind AND x.date_from = b.date_from AND x.date_to = b.date_to
                         AND l.load_number > r.last_load_seen)) AS changed_since
FROM (SELECT DISTINCT kind, date_from, date_to FROM reads) b
LEFT JOIN LATERAL (SELECT revision, last_load_seen
                   FROM bulletin_revision
                   WHERE kind = b.kind AND date_from = b.date_from AND date_to = b.date_to
                   ORDER BY revision DESC
                   LIMIT 1) r ON true
ORDER BY b.kind, b.date_from
