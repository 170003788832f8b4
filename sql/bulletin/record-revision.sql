-- A bulletin rendered: a new revision, or the same revision rendered again with the same figures. It keeps the
-- number of the last load its figures include (load_counter as this transaction's snapshot sees it, V14), so the
-- nightly run can tell the loads made after it (sql/nightly/stale-*.sql).
INSERT INTO bulletin_revision (kind, date_from, date_to, revision, figures, changes, job_execution_id, generated_at,
                               last_load_seen, out_folder)
VALUES (:kind, :from, :to, :revision, CAST(:figures AS jsonb), CAST(:changes AS jsonb), :jobExecutionId, :generatedAt,
        (SELECT last_load FROM load_counter), :outFolder)
-- The same revision rendered again has the same figures (FigureSnapshot.sameFigures), but its 异常提示 is said anew
-- and printed on the files written now: the snapshot keeps what they print, which the mail quotes.
ON CONFLICT (kind, date_from, date_to, revision) DO UPDATE
   SET figures = EXCLUDED.figures, job_execution_id = EXCLUDED.job_execution_id, generated_at = EXCLUDED.generated_at,
       last_load_seen = EXCLUDED.last_load_seen, out_folder = EXCLUDED.out_folder
