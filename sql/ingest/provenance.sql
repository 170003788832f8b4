-- Where the figures come from, for the bulletins' footnote: the latest drop loaded, how many rows were
-- loaded over all loads (a drop sent again counts again: a drop may be sent again with only some of its files,
-- so "each drop's latest load" counted too few, and per file is not recorded) and are rejected now, how many
-- freezes and refunds wait for their case, and the job execution of the latest load. Pending rows are counted
-- on the key registers (see count-pending.sql).
SELECT (SELECT max(drop_date) FROM drop_load)                                    AS latest_drop,
       (SELECT coalesce(sum(rows_loaded), 0) FROM drop_load)                     AS rows_loaded,
       (SELECT count(*) FROM reject)                                             AS rows_rejected,
       (SELECT count(*) FROM fact_freeze_key f WHERE NOT EXISTS (SELECT 1 FROM fact_case_key c WHERE c.case_id = f.case_id))
     + (SELECT count(*) FROM fact_refund_key r WHERE NOT EXISTS (SELECT 1 FROM fact_case_key c WHERE c.case_id = r.case_id))
                                                                                 AS rows_pending,
       (SELECT job_execution_id FROM drop_load ORDER BY loaded_at DESC, job_execution_id DESC LIMIT 1)
                                                                                 AS latest_job_execution_id
