-- A bulletin rendered: a new revision, or the same revision rendered again with the same figures. It keeps the
-- number of the last load its figures include (load_counter as this transaction's snapshot sees it, V14), so the
-- nightly run can tell the loads made after it (sql/nightly/stale-*.sql).
INSERT INTO bulletin_revision (kind, date_from, date_to, revision, figures, changes, job_execution_id, generated_at,
                               last_load_seen)
VALUES (:kind, :from, :to, :revision, CAST(:figures AS jsonb), CAST(:changes AS jsonb), :jobExecutionId, :generatedAt,
        (SELECT last_load FROM load_counter))
ON CONFLICT (kind, date_from, date_to, revision) DO UPDATE
   SET job_execution_id = EXCLUDED.job_execution_id, generated_at = EXCLUDED.generated_at,
       last_load_seen = EXCLUDED.last_load_seen
