-- Every revision of the bulletins whose period overlaps [:from, :to], oldest period first, with the 数据未到 notice
-- a daily printed (FigureSnapshot's notes), which the portal shows beside it, and the output folder it was
-- published into (the portal serves its files from there when its own folder lacks them: a `rerun --out`).
SELECT kind, date_from, date_to, revision, changes::text AS changes, job_execution_id, generated_at,
       figures -> 'notes' -> 'missing' ->> 'text' AS missing_note, out_folder
FROM bulletin_revision
WHERE date_from <= :to AND date_to >= :from
ORDER BY date_from, date_to, kind, revision
