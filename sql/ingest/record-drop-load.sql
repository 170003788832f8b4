-- What one drop load did, for provenance footnotes and `history`.
INSERT INTO drop_load (job_execution_id, drop_date, checksum, rows_read, rows_loaded, rows_rejected, rows_changed)
VALUES (:jobExecutionId, :dropDate, :checksum, :rowsRead, :rowsLoaded, :rowsRejected, :rowsChanged)
ON CONFLICT (job_execution_id) DO UPDATE
   SET rows_read = EXCLUDED.rows_read, rows_loaded = EXCLUDED.rows_loaded,
       rows_rejected = EXCLUDED.rows_rejected, rows_changed = EXCLUDED.rows_changed
