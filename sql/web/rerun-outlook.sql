-- What a rerun of [:from, :to] would do to each bulletin it renders (the dry run): each day's daily bulletin, and with
-- :range the bulletin of the whole period (周报, 月报 or 区间). For each, its latest published revision, if any, and
-- whether anything it prints may have changed since that revision was rendered: a load or a repair numbered above
-- its last_load_seen (stale-days.sql's rule) on any day its figures read, which is its period, the period before
-- (环比), its year to date and the same days last year (同比), and the trend's days, all within the previous year's
-- first day and its last day. "May": a change that cancels out publishes nothing, which only the render can tell;
-- and "unchanged" is what the data says: a catalogue or a program changed since can still move a figure. A
-- bulletin never published is published for the first time. The dailies first, by day, then the range.
SELECT b.kind, b.date_from, b.date_to, r.revision AS published_revision,
       r.revision IS NOT NULL
       AND (EXISTS (SELECT 1
                    FROM numbered_changed_day c
                    WHERE c.business_day BETWEEN make_date(extract(year FROM b.date_to)::int - 1, 1, 1) AND b.date_to
                      AND c.load_number > r.last_load_seen)
            -- and a drop of one of those days loaded since, even one that changed no figure: a day of them that
            -- had not arrived (数据未到, its own or one in its bases) has now (stale-days.sql's second rule)
            OR EXISTS (SELECT 1
                       FROM drop_load l
                       WHERE l.drop_date BETWEEN make_date(extract(year FROM b.date_to)::int - 1, 1, 1) AND b.date_to
                         AND l.load_number > r.last_load_seen)) AS changed_since
FROM (SELECT 'daily' AS kind, g::date AS date_from, g::date AS date_to
      FROM generate_series(CAST(:from AS date), CAST(:to AS date), interval '1 day') g
      UNION ALL
      -- tester: the dry run said nothing of the month, whose revision was the one leadership would be mailed
      SELECT 'range', CAST(:from AS date), CAST(:to AS date)
      WHERE CAST(:range AS boolean)) b
LEFT JOIN LATERAL (SELECT revision, last_load_seen
                   FROM bulletin_revision
                   WHERE kind = b.kind AND date_from = b.date_from AND date_to = b.date_to
                   ORDER BY revision DESC
                   LIMIT 1) r ON true
ORDER BY b.kind, b.date_from
