-- Published daily bulletins up to :date whose figures a load may have changed since they were last rendered:
-- a day recorded in changed_day by a load that landed after the day's latest revision was generated. This
-- covers loads made by hand with `ingest` and nightly runs that died after loading, not only tonight's loads.
SELECT DISTINCT c.business_day
FROM changed_day c
JOIN drop_load l ON l.job_execution_id = c.job_execution_id
JOIN (SELECT date_from AS business_day, max(generated_at) AS rendered_at
      FROM bulletin_revision
      WHERE kind = 'daily'
      GROUP BY date_from) r ON r.business_day = c.business_day
WHERE c.business_day <= :date
  AND l.loaded_at > r.rendered_at
ORDER BY c.business_day
