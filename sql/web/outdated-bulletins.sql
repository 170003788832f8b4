-- Published bulletins whose latest revision is out of date, by the nightly's rules (sql/nightly/stale-days.sql and
-- stale-ranges.sql), so exactly those the next night revises (or a rerun): a load or a repair changed a day of
-- their own period after that revision was rendered; or that revision said 数据未到 and a drop dated in its period
-- was loaded after it, even one that changed no figure (the notice promised a revision when the data came). Until it
-- is revised such a bulletin prints other figures, or an outdated notice, for its period: its page says so, the
-- archive marks it, and a headline of exactly its period waits (a later day's bulletin that has seen the change
-- carries it only in its year to date: the press quoted a late case of 10-20 for "10月20日" while 10-20's own
-- bulletin still said one case fewer, tester). With :exact the bulletins of exactly [:from, :to], else every one
-- whose period overlaps it. arrived_only: out of date only because a 数据未到 day's drop came (an empty one, say), no
-- record of its days changed: the page and the headline say the data arrived, not that records changed (tester).
-- Each day's latest change and latest drop are found once, before the bulletins are
-- looked at: probing the changes per bulletin took 3.5 s over five years' archive (review).
WITH last_change AS MATERIALIZED (
    SELECT business_day, max(load_number) AS load_number
    FROM numbered_changed_day
    GROUP BY business_day
), last_drop AS MATERIALIZED (
    SELECT drop_date, max(load_number) AS load_number
    FROM drop_load
    GROUP BY drop_date
)
SELECT r.kind, r.date_from, r.date_to, r.revision,
       NOT EXISTS (SELECT 1
                   FROM last_change c
                   WHERE c.business_day BETWEEN r.date_from AND r.date_to
                     AND c.load_number > r.last_load_seen) AS arrived_only
FROM (SELECT DISTINCT ON (kind, date_from, date_to) kind, date_from, date_to, revision, last_load_seen, figures
      FROM bulletin_revision
      WHERE CASE WHEN :exact THEN date_from = :from AND date_to = :to ELSE date_from <= :to AND date_to >= :from END
      ORDER BY kind, date_from, date_to, revision DESC) r
WHERE EXISTS (SELECT 1
              FROM last_change c
              WHERE c.business_day BETWEEN r.date_from AND r.date_to
                AND c.load_number > r.last_load_seen)
   OR ((r.figures -> 'notes' -> 'missing') IS NOT NULL
       AND EXISTS (SELECT 1
                   FROM last_drop l
                   WHERE l.drop_date BETWEEN r.date_from AND r.date_to
                     AND l.load_number > r.last_load_seen))
ORDER BY r.kind, r.date_from, r.date_to
