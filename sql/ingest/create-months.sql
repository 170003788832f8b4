-- The monthly partitions of the facts (V19__fact_partitions.sql) for every month a staged row of this load falls
-- in, created before the merges so that each row, new or moved by a correction, has its month. Months that
-- exist cost a catalogue look-up; a month archived (fact_month_archived) fails the load, named, before any merge.
-- A drop's rows span a few days, so its months are those of its earliest and latest row, found with min and max
-- (a province drop of 600 000 rows: 0.26 s to list its distinct months, 45 ms for min and max); only a drop
-- whose rows span more than two months (a correction of a record years back) has its distinct months listed.
WITH span AS (
    SELECT (min(e.t) AT TIME ZONE 'Asia/Shanghai')::date AS first, (max(e.t) AT TIME ZONE 'Asia/Shanghai')::date AS last
    FROM (SELECT min(reported_at) AS lo, max(reported_at) AS hi FROM stage_cases
          UNION ALL SELECT min(effective_at), max(effective_at) FROM stage_freezes
          UNION ALL SELECT min(refunded_at), max(refunded_at) FROM stage_refunds
          UNION ALL SELECT min(issued_at), max(issued_at) FROM stage_warnings) bounds
    CROSS JOIN LATERAL (VALUES (bounds.lo), (bounds.hi)) e (t)
)
SELECT CASE WHEN first IS NULL THEN 0
            WHEN date_trunc('month', last) <= date_trunc('month', first) + interval '1 month' THEN fact_months(first, last)
            ELSE (SELECT count(fact_month(m))::integer
                  FROM (SELECT DISTINCT date_trunc('month', t AT TIME ZONE 'Asia/Shanghai')::date AS m
                        FROM (SELECT reported_at AS t FROM stage_cases
                              UNION ALL SELECT effective_at FROM stage_freezes
                              UNION ALL SELECT refunded_at FROM stage_refunds
                              UNION ALL SELECT issued_at FROM stage_warnings) staged
                        WHERE t IS NOT NULL) months) END
FROM span
