-- The newest drop load: cheap to ask, and it changes whenever the provenance of the figures changes.
SELECT coalesce(max(job_execution_id), 0) FROM drop_load
