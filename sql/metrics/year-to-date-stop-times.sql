-- For the year-to-date median (year-to-date.sql's header): every case of the city reported in
-- [:from = 1 January, :to] that has at least one STOP_PAYMENT or FREEZE action (at any date), with the same
-- per-case time as area-figures.sql (earliest effective_at of its actions - reported_at, negative taken as 0),
-- here in whole microseconds (timestamps have microsecond precision, so this is exact), oldest day first.
-- YearToDateFigures feeds them day by day to a running median, which after day D is the median of
-- area-figures.sql over [1 January, D].
SELECT c.business_day AS day,
       greatest(CAST(extract(epoch FROM min(f.effective_at) - c.reported_at) * 1000000 AS bigint), 0) AS micros
FROM fact_case c
JOIN fact_freeze f ON f.case_id = c.case_id
WHERE c.business_day BETWEEN :from AND :to
  AND c.district_code = ANY (string_to_array(:districts, ','))
GROUP BY c.case_id, c.business_day, c.reported_at
ORDER BY c.business_day
