-- Job executions, newest first, with their identifying parameters (but a rerun's run.id) and the rows their steps read, wrote
-- (changed) and skipped (rejected). Partition steps are counted once, through their workers. Those older than the
-- first parameter (an execution id) only, so that a script walks the whole history page by page. A failed one with the
-- trace of what failed it (a day's step first, which names the day's problem; then the job's), which storage/TraceLine
-- reads one line from: history listed a failed load as FAILED and nothing else, and whoever had not seen the command's
-- error line could not find out why (tester).
SELECT e.job_execution_id,
       i.job_name,
       e.status,
       e.start_time                                                         AS started,  -- the JVM's local time (Spring Batch)
       round(extract(epoch FROM (e.end_time - e.start_time))::numeric, 1)::text AS seconds,
       coalesce((SELECT sum(s.read_count) FROM batch_step_execution s WHERE s.job_execution_id = e.job_execution_id AND s.step_name NOT LIKE 'renderDays%'), 0)  AS read_count,
       coalesce((SELECT sum(s.write_count) FROM batch_step_execution s WHERE s.job_execution_id = e.job_execution_id AND s.step_name <> 'renderDays'), 0) AS write_count,
       coalesce((SELECT sum(s.read_skip_count) FROM batch_step_execution s WHERE s.job_execution_id = e.job_execution_id), 0) AS skip_count,
       -- a drop's checksum by its first 8 characters, as a short commit id is given: the 64 hex digits held runs of up
       -- to 19 decimal digits on some rows, the shape of a card number to any scanner in front of the portal (r33a)
       (SELECT string_agg(p.parameter_name || '=' || CASE WHEN p.parameter_name = 'drop.checksum' THEN left(p.parameter_value, 8)
                                                           ELSE p.parameter_value END, ' ' ORDER BY p.parameter_name)
          FROM batch_job_execution_params p
         WHERE p.job_execution_id = e.job_execution_id AND p.identifying = 'Y'
           -- a rerun's run.id is the start's epoch milliseconds, there only to make each start a new instance: 13
           -- digits on every row of /runs that an account-number scanner flags and nobody reads (tester)
           AND p.parameter_name <> 'run.id')                                 AS parameters,
       CASE WHEN e.status = 'FAILED' THEN
           coalesce((SELECT s.exit_message
                     FROM batch_step_execution s
                     WHERE s.job_execution_id = e.job_execution_id AND s.status = 'FAILED' AND s.exit_message <> ''
                     ORDER BY s.step_name LIKE 'renderDay:%' DESC, s.step_execution_id
                     LIMIT 1), nullif(e.exit_message, ''), '')
       END                                                                   AS failure_trace
FROM batch_job_execution e
JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
WHERE e.job_execution_id < ?
ORDER BY e.job_execution_id DESC
LIMIT ?
