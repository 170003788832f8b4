-- What one execution of a rerun published, corrections first (they are what goes to leadership), then first
-- publications, each oldest period first: its page says which bulletins went out without the statistician searching
-- the archive. One execution: a restarted rerun's restart has a page of its own, with what it published.
SELECT kind, date_from, date_to, revision, changes::text AS changes, job_execution_id, generated_at,
       figures -> 'notes' -> 'missing' ->> 'text' AS missing_note, out_folder
FROM bulletin_revision
WHERE job_execution_id = :jobExecutionId
ORDER BY revision = 1, date_from, date_to, kind, revision
