-- Where a schedule's catch-up starts: the last period that finished, and the oldest one left unfinished
-- (waiting for its drop, claimed by a node that died, or a night failed since :failedSince, which is tried again;
-- NULL for range bulletins).
SELECT max(business_day) FILTER (WHERE status IN ('DONE', 'MISSING_DATA', 'FAILED')) AS last_finished,
       min(business_day) FILTER (WHERE status IN ('RUNNING', 'WAITING')
                                    OR (status = 'FAILED' AND business_day >= CAST(:failedSince AS date))) AS first_unfinished
FROM schedule_run
WHERE schedule = :schedule
