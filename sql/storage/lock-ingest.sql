-- One loader at a time (namespace 43): while it holds this, any ingest execution still marked STARTED in
-- the job repository belongs to a process that died, and can be recovered and restarted.
SELECT pg_try_advisory_lock(43, 0)
