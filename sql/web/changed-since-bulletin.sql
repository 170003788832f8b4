-- The days of [from, to] whose figures changed after the given revision of a daily bulletin was rendered: by a
-- load or a repair of the rollups (numbered_changed_day, V23) numbered above the revision's last_load_seen (V14;
-- no clock is compared). A headline over such a period would quote figures no bulletin has published yet (web.md:
-- "headline figures, published only"). The first such day and how many; none once a bulletin rendered after that
-- change stands for the period.
SELECT min(c.business_day) AS first_day, count(DISTINCT c.business_day) AS days
FROM numbered_changed_day c
WHERE c.business_day BETWEEN :from AND :to
  AND c.load_number > (SELECT r.last_load_seen FROM bulletin_revision r
                       WHERE r.kind = 'daily' AND r.date_from = :bulletinDate AND r.revision = :revision)
