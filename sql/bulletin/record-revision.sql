-- A bulletin rendered with figures that moved (or for the first time): a new revision. A render with the figures
-- of the latest revision records nothing (revision-seen-unchanged.sql). It keeps the number of the last load its
-- figures include (load_counter as this transaction's snapshot sees it, V14), so the nightly run can tell the loads
-- made after it (sql/nightly/stale-bulletins.sql).
INSERT INTO bulletin_revision (kind, date_from, date_to, revision, figures, changes, job_execution_id, generated_at,
                               last_load_seen, out_folder)
VALUES (:kind, :from, :to, :revision, CAST(:figures AS jsonb), CAST(:changes AS jsonb), :jobExecutionId, :generatedAt,
        (SELECT last_load FROM load_counter), :outFolder)
