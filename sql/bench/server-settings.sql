-- The settings of the bench's throwaway PostgreSQL that bear on its timings, for the header of the table it prints:
-- both sides of every comparison run on this one server, but the absolute figures depend on them.
SELECT 'fsync ' || current_setting('fsync')
       || ', synchronous_commit ' || current_setting('synchronous_commit')
       || ', full_page_writes ' || current_setting('full_page_writes')
       || ', shared_buffers ' || current_setting('shared_buffers')
       || ', work_mem ' || current_setting('work_mem')
