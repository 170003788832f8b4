-- The days of [:from, :to] whose data has not arrived, which a bulletin over them says (数据未到; bulletin/MissingData).
-- A day's data has arrived once a drop dated that day has been loaded, whatever it held. Until then: a day whose
-- latest daily bulletin said 数据未到 still has not (a later drop routinely carries a late record of the day, which
-- revises it, but its own drop is still missing), and any other day has not unless a later drop has been loaded (a
-- history loaded from month-end drops has one for every day, and then nothing is said), except a day whose own drop
-- was tried and did not load (a required column missing, a load killed): its records are not counted, so its figures
-- are not whole, whatever later drops were loaded since (r39d: a failed 12-04, then 12-05 loaded by hand, published
-- 12-04 as complete with 0 cases, and the headline quoted it).
WITH tried AS (
    SELECT DISTINCT p.parameter_value AS day
    FROM batch_job_execution_params p
    JOIN batch_job_execution e ON e.job_execution_id = p.job_execution_id
    JOIN batch_job_instance i ON i.job_instance_id = e.job_instance_id
    WHERE i.job_name = 'ingestDrop' AND p.parameter_name = 'drop.date'
      AND p.parameter_value BETWEEN CAST(CAST(:from AS date) AS text) AND CAST(CAST(:to AS date) AS text)
)
SELECT d.day
FROM (SELECT CAST(g AS date) AS day
      FROM generate_series(CAST(:from AS date), CAST(:to AS date), interval '1 day') g) d
WHERE NOT EXISTS (SELECT 1 FROM drop_load l WHERE l.drop_date = d.day)
  AND (NOT EXISTS (SELECT 1 FROM drop_load l WHERE l.drop_date > d.day)
       OR coalesce((SELECT (r.figures -> 'notes' -> 'missing') IS NOT NULL
                    FROM bulletin_revision r
                    WHERE r.kind = 'daily' AND r.date_from = d.day
                    ORDER BY r.revision DESC
                    LIMIT 1), false)
       OR CAST(d.day AS text) IN (SELECT day FROM tried))
ORDER BY d.day
