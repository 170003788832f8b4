-- The latest periods the schedules ran, newest business day first: what /runs shows of the nights, weeks and
-- months, with why one failed, and whether a failed night was done by hand since (its drop loaded and its own daily
-- published after the failed run started: night-done-by-hand.sql's rule for the night's own daily, here for every
-- row in the one query; the page keeps it for the nightly schedule's rows).
SELECT s.schedule, s.business_day, s.status, s.started_at, s.finished_at, s.detail,
       s.status = 'FAILED'
       AND EXISTS (SELECT 1 FROM drop_load l WHERE l.drop_date = s.business_day)
       AND EXISTS (SELECT 1
                   FROM bulletin_revision r
                   WHERE r.kind = 'daily' AND r.date_from = s.business_day AND r.date_to = r.date_from
                     AND r.generated_at >= s.started_at) AS done_by_hand
FROM schedule_run s
ORDER BY s.business_day DESC, s.schedule
LIMIT :limit
