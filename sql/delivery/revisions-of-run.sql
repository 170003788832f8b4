-- What a rerun mails: the revisions (second and later) it published, with what each changed, to the recipients of the
-- revision before; and the first publication of a week or a month whose schedule failed (schedule_run FAILED for
-- that very period, V40: not a night that failed on its first day), which the schedule would have mailed: `rerun --range` is how /runs and the README say to
-- recover such a week, and its 周报 then reached no one, said nowhere (review 32); within 7 days of the failure.
-- Other first publications of old days are not mailed (MailedBulletin names no product for a range that is not a
-- week or a month).
SELECT r.kind, r.date_from, r.date_to, r.revision, r.changes::text AS changes
FROM bulletin_revision r
WHERE r.job_execution_id = :jobExecutionId
  AND (r.revision > 1
       OR (r.kind = 'range'
           AND EXISTS (SELECT 1 FROM schedule_run s
                       WHERE s.business_day = r.date_from AND s.status = 'FAILED'
                         -- a row finished before V40 has no period_to: matched by its first day, as then
                         AND (s.period_to = r.date_to OR s.period_to IS NULL)
                         -- a recovery, not a rerun for analysis of a week that failed long ago (review 32c)
                         AND s.started_at > r.generated_at - interval '7 days')))
ORDER BY r.date_from, r.date_to, r.kind, r.revision
