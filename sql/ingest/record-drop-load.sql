-- What one drop load did, for provenance footnotes and `history`, with the load's number: the next of
-- load_counter, whose row this load keeps locked until it commits, so numbers follow commit order (V14).
WITH counter AS (
    UPDATE load_counter SET last_load = last_load + 1 RETURNING last_load
)
INSERT INTO drop_load (job_execution_id, drop_date, checksum, rows_read, rows_loaded, rows_rejected, rows_changed,
                       load_number)
SELECT :jobExecutionId, :dropDate, :checksum, :rowsRead, :rowsLoaded, :rowsRejected, :rowsChanged, last_load
FROM counter
ON CONFLICT (job_execution_id) DO UPDATE
   SET rows_read = EXCLUDED.rows_read, rows_loaded = EXCLUDED.rows_loaded,
       rows_rejected = EXCLUDED.rows_rejected, rows_changed = EXCLUDED.rows_changed,
       load_number = EXCLUDED.load_number
