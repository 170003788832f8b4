-- How many rows the planner believes each staging table of this connection holds: reltuples of its last ANALYZE
-- (-1 before the first). The staging tables outlive a drop (create-staging.sql), and so do their statistics.
SELECT c.relname, c.reltuples
FROM pg_class c
WHERE c.relnamespace = pg_my_temp_schema()
  AND c.relname IN ('stage_cases', 'stage_freezes', 'stage_refunds', 'stage_warnings')
