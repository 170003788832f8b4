-- A bulletin rendered: a new revision, or the same revision rendered again with the same figures.
INSERT INTO bulletin_revision (kind, date_from, date_to, revision, figures, changes, job_execution_id, generated_at)
VALUES (:kind, :from, :to, :revision, CAST(:figures AS jsonb), CAST(:changes AS jsonb), :jobExecutionId, :generatedAt)
ON CONFLICT (kind, date_from, date_to, revision) DO UPDATE
   SET job_execution_id = EXCLUDED.job_execution_id, generated_at = EXCLUDED.generated_at
