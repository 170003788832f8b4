-- The days of [from, to] whose facts a load changed after the given revision of a daily bulletin was rendered
-- (load numbers above its last_load_seen, V14; no clock is compared): a headline over such a period would quote
-- figures no bulletin has published yet (web.md: "headline figures, published only"). The first such day and how
-- many; none once a bulletin rendered after that load stands for the period.
SELECT min(c.business_day) AS first_day, count(DISTINCT c.business_day) AS days
FROM changed_day c
JOIN drop_load l ON l.job_execution_id = c.job_execution_id
WHERE c.business_day BETWEEN :from AND :to
  AND l.load_number > (SELECT r.last_load_seen FROM bulletin_revision r
                       WHERE r.kind = 'daily' AND r.date_from = :bulletinDate AND r.revision = :revision)
