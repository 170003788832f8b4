-- The monthly partitions of the facts (V19__fact_partitions.sql) for every month a staged row of this load falls
-- in, created before the merges so that each row, new or moved by a correction, has its month. Months that
-- exist cost a catalogue look-up; a month archived (fact_month_archived) fails the load, named, before any merge.
SELECT count(fact_month(m))
FROM (SELECT DISTINCT date_trunc('month', t AT TIME ZONE 'Asia/Shanghai')::date AS m
      FROM (SELECT reported_at AS t FROM stage_cases
            UNION ALL SELECT effective_at FROM stage_freezes
            UNION ALL SELECT refunded_at FROM stage_refunds
            UNION ALL SELECT issued_at FROM stage_warnings) staged
      WHERE t IS NOT NULL) months
