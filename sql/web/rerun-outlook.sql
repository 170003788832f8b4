-- What a rerun of [:from, :to] would do to each day's daily bulletin (the dry run): its latest published revision,
-- if any, and whether anything it prints may have changed since that revision was rendered: a load or a repair
-- numbered above its last_load_seen (stale-days.sql's rule) on any day its figures read, which is the day, the
-- day before (环比), its year to date and the same days last year (同比), and the trend's days, all within the
-- previous year's first day and the day itself. "May": a change that cancels out publishes nothing, which only
-- the render can tell; and "unchanged" is what the data says: a catalogue or a program changed since can still
-- move a figure. A day never published is published for the first time.
SELECT d.day, r.revision AS published_revision,
       r.revision IS NOT NULL
       AND (EXISTS (SELECT 1
                    FROM numbered_changed_day c
                    WHERE c.business_day BETWEEN make_date(extract(year FROM d.day)::int - 1, 1, 1) AND d.day
                      AND c.load_number > r.last_load_seen)
            -- and a drop of one of those days loaded since, even one that changed no figure: a day of them that
            -- had not arrived (数据未到, the day's own or one in its bases) has now (stale-days.sql's second rule)
            OR EXISTS (SELECT 1
                       FROM drop_load l
                       WHERE l.drop_date BETWEEN make_date(extract(year FROM d.day)::int - 1, 1, 1) AND d.day
                         AND l.load_number > r.last_load_seen)) AS changed_since
FROM (SELECT generate_series(CAST(:from AS date), CAST(:to AS date), interval '1 day')::date AS day) d
LEFT JOIN LATERAL (SELECT revision, last_load_seen
                   FROM bulletin_revision
                   WHERE kind = 'daily' AND date_from = d.day
                   ORDER BY revision DESC
                   LIMIT 1) r ON true
ORDER BY d.day
