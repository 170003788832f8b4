-- A published bulletin of exactly the headline's period (the daily of its one day; a weekly, monthly or range
-- bulletin of the same days) whose period changed after its latest render (stale-days.sql's rule): it still
-- publishes other figures for that period than the headline would quote, until the revision the next night (or a
-- rerun) makes. A later day's bulletin that has seen the change carries it only in its year to date: the press
-- quoted a late case of 10-20 for "10月20日" while 10-20's own bulletin still said one case fewer (tester). The
-- bulletin and the revision that is out of date, if any. :kind ('daily' or 'range') asks of one bulletin, as its
-- page does (a one-day range bulletin is another bulletin than that day's daily, revised on its own); null asks of
-- any bulletin of the period, as the headline does.
SELECT r.kind, r.revision
FROM (SELECT DISTINCT ON (kind) kind, revision, last_load_seen
      FROM bulletin_revision
      WHERE date_from = :from AND date_to = :to
        AND (CAST(:kind AS text) IS NULL OR kind = CAST(:kind AS text))
      ORDER BY kind, revision DESC) r
WHERE EXISTS (SELECT 1
              FROM numbered_changed_day c
              WHERE c.business_day BETWEEN :from AND :to
                AND c.load_number > r.last_load_seen)
ORDER BY r.kind
LIMIT 1
