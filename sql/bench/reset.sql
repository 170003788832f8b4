-- A clean slate between the bench's measurements: no facts, no rollups, no loads, no bulletins, no job history, so every
-- measurement starts from the same state. Read only by org.fraudstats.bench, which runs only on a PostgreSQL it
-- started itself in a throwaway directory (bench/ThrowawayBench): no other code, and no real database, sees it.
TRUNCATE fact_case, fact_freeze, fact_refund, fact_warning, warning_day, reject, drop_load, changed_day,
         rollup_repair, repaired_day,
         case_day, action_day, action_account_day, refund_day, refund_case_day, case_stop_time,
         bulletin_revision,
         batch_step_execution_context, batch_job_execution_context, batch_step_execution,
         batch_job_execution_params, batch_job_execution, batch_job_instance,
         bench.bare_cases, bench.bare_freezes, bench.bare_refunds, bench.bare_warnings
