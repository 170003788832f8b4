-- Whether the night :day, whose scheduled run FAILED (it started at :failedAt), has been done since by hand
-- (./fraudstats nightly --date D, or a later D, as the README says to do): its drop is loaded, and a daily bulletin of
-- that day or a later one was published after the failed run started (a night renders its own day, after loading
-- every drop up to it). A range bulletin then stops waiting for the night at once, instead of until the nightly
-- schedule's next fire tries the night again, up to a day later (tester A). /runs's 已手工补做 asks for the night's
-- own daily (recent-runs.sql); the week needs D's figures, not D's own daily: a later night's daily is published
-- only after a rollup check of every day changed since the last check that passed and of every day found differing
-- (V35), D's included, so a night that failed on a rollup differing from the facts is not taken for done by the next
-- (review 29).
SELECT EXISTS (SELECT 1 FROM drop_load l WHERE l.drop_date = :day)
   AND EXISTS (SELECT 1
               FROM bulletin_revision r
               WHERE r.kind = 'daily' AND r.date_to = r.date_from AND r.generated_at >= :failedAt
                 AND r.date_from >= :day)
