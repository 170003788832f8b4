-- Published bulletins whose latest revision is out of date: a load or a repair changed a day of their own period
-- after that revision was rendered (stale-days.sql's and stale-ranges.sql's rule, so exactly those the next night
-- revises, or a rerun), and the revision that is out of date. Until it is revised such a bulletin prints other
-- figures for its period than 统计数据 shows and the press would quote: its page says so, the archive marks it,
-- and a headline of exactly its period waits (a later day's bulletin that has seen the change carries it only in
-- its year to date: the press quoted a late case of 10-20 for "10月20日" while 10-20's own bulletin still said one
-- case fewer, tester). Every bulletin whose period overlaps [:from, :to]; the caller picks.
SELECT r.kind, r.date_from, r.date_to, r.revision
FROM (SELECT DISTINCT ON (kind, date_from, date_to) kind, date_from, date_to, revision, last_load_seen
      FROM bulletin_revision
      WHERE date_from <= :to AND date_to >= :from
      ORDER BY kind, date_from, date_to, revision DESC) r
WHERE EXISTS (SELECT 1
              FROM numbered_changed_day c
              WHERE c.business_day BETWEEN r.date_from AND r.date_to
                AND c.load_number > r.last_load_seen)
ORDER BY r.kind, r.date_from, r.date_to
