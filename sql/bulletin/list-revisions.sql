-- Every revision of the bulletins whose period overlaps [:from, :to], oldest period first.
SELECT kind, date_from, date_to, revision, changes::text AS changes, job_execution_id, generated_at
FROM bulletin_revision
WHERE date_from <= :to AND date_to >= :from
ORDER BY date_from, date_to, kind, revision
