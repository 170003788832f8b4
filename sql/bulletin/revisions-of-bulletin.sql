-- Every revision of one bulletin (its kind and period), oldest first, as list-revisions.sql gives them: its manifest
-- lists them. By its key, not every revision overlapping its period: a year's range read every daily of the year.
SELECT kind, date_from, date_to, revision, changes::text AS changes, job_execution_id, generated_at,
       figures -> 'notes' -> 'missing' ->> 'text' AS missing_note, out_folder
FROM bulletin_revision
WHERE kind = :kind AND date_from = :from AND date_to = :to
ORDER BY revision
