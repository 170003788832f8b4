-- Published bulletins whose latest revision may be out of date, the one rule the night and the portal read: a load
-- or a repair changed a day of their own period after that revision was rendered (numbered above the last load its
-- render included; both numbers come from load_counter, V14, so no clock is compared; the changes are
-- numbered_changed_day's, V23: every load's days, made by hand with `ingest` or by a night that died after loading,
-- and every repair's, `verify --repair` after a fact was corrected in psql); or that revision said 数据未到 and a drop
-- dated in its period was loaded after it, even one that changed no figure (empty, or only other days' records: the
-- notice promised a revision when the data came). The night renders them again (nightly/StaleBulletins: every daily
-- up to its date, every range starting by it), a revision if a figure moved; until then the portal's archive marks
-- them 数据有更新, their page says so, and a headline of exactly their period waits (web/portal/OutdatedBulletin: a
-- later day's bulletin that has seen a change carries it only in its year to date; the press quoted a late case of
-- 10-20 for "10月20日" while 10-20's own bulletin still said one case fewer, tester). The night and the portal read
-- this one file: two copies of the rule had drifted (the portal's lacked the 数据未到 rule, review).
-- With :exact the bulletins of exactly [:from, :to], else every one whose period overlaps it. arrived_only: out of
-- date only because a 数据未到 day's drop came, no record of its days changed (the page and the headline say the data
-- arrived, not that records changed). Each day's latest change and latest drop are found once, before the bulletins
-- are looked at: probing the changes per bulletin took 3.5 s over five synthetic years' archive (review).
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
