-- The latest periods the schedules ran, newest business day first: what /runs shows of the nights, weeks and
-- months, with why one failed, and whether a failed one was done by hand since: a night whose drop is loaded and whose
-- own daily was published after the failed run started (night-done-by-hand.sql's rule for the night's own daily, here
-- for every row in the one query; the page keeps it for the nightly schedule's rows); a week or a month whose range
-- bulletin, beginning on its first day, was published after it (`rerun --range`, which a failed range bulletin waits
-- for: its schedule does not try it again; the page keeps it for the range schedules' rows, whose last day it knows).
-- A period published with 数据未到 is completed since when its bulletin's latest revision no longer says 数据未到 (the
-- day's drop loaded, and the next night or a rerun published the revision): the row stayed 数据未到, and a script
-- watching /api/v1/schedule could not tell a week still incomplete from one made whole (tester 35a F3). Published
-- after the run ended: revisions rendered before 2026-12-03 kept no notice, and would read as whole. As above, the
-- page keeps the night's answer for the nightly schedule's rows and the range whose last day is the row's own.
SELECT s.schedule, s.business_day, s.status, s.started_at, s.finished_at, s.detail,
       s.status = 'FAILED'
       AND EXISTS (SELECT 1 FROM drop_load l WHERE l.drop_date = s.business_day)
       AND EXISTS (SELECT 1
                   FROM bulletin_revision r
                   WHERE r.kind = 'daily' AND r.date_from = s.business_day AND r.date_to = r.date_from
                     AND r.generated_at >= s.started_at) AS done_by_hand,
       -- every last day: a week and a month (or a longer 区间) can begin on the same day, and the longest alone hid the
       -- week's own (review 30b)
       (SELECT array_agg(DISTINCT r.date_to)
        FROM bulletin_revision r
        WHERE s.status = 'FAILED' AND r.kind = 'range' AND r.date_from = s.business_day
          AND r.generated_at >= s.started_at) AS ranges_rendered_to,
       s.status = 'MISSING_DATA'
       AND coalesce((SELECT (r.figures -> 'notes' -> 'missing') IS NULL AND r.generated_at > s.finished_at
                     FROM bulletin_revision r
                     WHERE r.kind = 'daily' AND r.date_from = s.business_day AND r.date_to = r.date_from
                     ORDER BY r.revision DESC
                     LIMIT 1), false) AS night_completed_since,
       (SELECT array_agg(latest.date_to)
        FROM (SELECT DISTINCT ON (r.date_to) r.date_to, r.figures, r.generated_at
              FROM bulletin_revision r
              WHERE s.status = 'MISSING_DATA' AND r.kind = 'range' AND r.date_from = s.business_day
              ORDER BY r.date_to, r.revision DESC) latest
        WHERE (latest.figures -> 'notes' -> 'missing') IS NULL AND latest.generated_at > s.finished_at) AS ranges_completed_to
FROM schedule_run s
ORDER BY s.business_day DESC, s.schedule
LIMIT :limit
