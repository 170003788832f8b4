-- Published daily bulletins up to :date whose figures a load may have changed since they were last rendered:
-- a day recorded in changed_day by a load its latest render had not seen (numbered above the last load that
-- render included; both numbers come from load_counter, V14, so no clock is compared). This covers loads made
-- by hand with `ingest` and nightly runs that died after loading, not only tonight's loads.
SELECT DISTINCT c.business_day
FROM changed_day c
JOIN drop_load l ON l.job_execution_id = c.job_execution_id
JOIN (SELECT date_from AS business_day, max(last_load_seen) AS last_load_seen
      FROM bulletin_revision
      WHERE kind = 'daily'
      GROUP BY date_from) r ON r.business_day = c.business_day
WHERE c.business_day <= :date
  AND l.load_number > r.last_load_seen
ORDER BY c.business_day
