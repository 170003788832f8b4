-- How many rows the planner believes each staging table of this connection holds: reltuples of its last ANALYZE,
-- or -1 when it has no column statistics (never analysed; or analysed by a load that rolled back, which takes
-- the statistics with it but not reltuples, written in place). The staging tables outlive a drop
-- (create-staging.sql), and so do their statistics.
SELECT c.relname,
       CASE WHEN EXISTS (SELECT 1 FROM pg_stats s WHERE s.schemaname = n.nspname AND s.tablename = c.relname)
            THEN c.reltuples ELSE -1 END AS reltuples
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relnamespace = pg_my_temp_schema()
  AND c.relname IN ('stage_cases', 'stage_freezes', 'stage_refunds', 'stage_warnings')
