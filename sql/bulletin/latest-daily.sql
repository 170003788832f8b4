-- The latest revision of the newest daily bulletin: the leader's start page (/bulletins/latest), read on every visit,
-- without listing the archive (1,469 revisions after three years, the whole list parsed for its first daily).
SELECT kind, date_from, date_to, revision, changes::text AS changes, job_execution_id, generated_at,
       figures -> 'notes' -> 'missing' ->> 'text' AS missing_note, out_folder
FROM bulletin_revision
WHERE kind = 'daily'
ORDER BY date_from DESC, revision DESC
LIMIT 1
