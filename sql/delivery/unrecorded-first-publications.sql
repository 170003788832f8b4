-- First publications published and never recorded for mail: the first revision of a bulletin that has no delivery
-- row at all, published while mail of its kind was in use (some bulletin of its kind had mails recorded before it),
-- by a process that mails what it publishes: the nightly run, the weekly and monthly schedules, `demo`, never a
-- rerun (rerunBulletins; its first publications of old days are not mailed, delivery.md). The nightly publishes D's
-- bulletin, commits it, and records its mails after; killed in between (a `nightly` run by cron, or `serve` whose
-- night is taken over only at the next night's fire), D's daily reached nobody. Every mail pass records them
-- (Deliveries), to the lists of today, with the files where the revision's process wrote them (V26). Only the last
-- 7 days, as for corrections (unrecorded-corrections.sql); and a deployment that starts mailing a kind does not
-- receive that week's earlier bulletins of it.
SELECT r.kind, r.date_from, r.date_to, r.revision, r.changes::text AS changes, r.out_folder
FROM bulletin_revision r
WHERE r.revision = 1
  AND r.out_folder IS NOT NULL
  AND r.generated_at > :now - interval '7 days'
  AND NOT EXISTS (SELECT 1
                  FROM delivery d
                  WHERE d.date_from = r.date_from AND d.date_to = r.date_to AND (d.product = 'daily') = (r.kind = 'daily'))
  AND EXISTS (SELECT 1
              FROM delivery d
              WHERE (d.product = 'daily') = (r.kind = 'daily') AND d.recorded_at < r.generated_at)
  AND NOT EXISTS (SELECT 1
                  FROM batch_job_execution e
                  JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
                  WHERE e.job_execution_id = r.job_execution_id AND i.job_name = 'rerunBulletins')
ORDER BY r.date_from, r.date_to, r.kind
