-- The revisions (second and later) a rerun published, with what each changed: a rerun mails only these, to the
-- recipients of the revision before, never first publications of old days.
SELECT kind, date_from, date_to, revision, changes::text AS changes
FROM bulletin_revision
WHERE job_execution_id = :jobExecutionId AND revision > 1
ORDER BY date_from, date_to, kind, revision
