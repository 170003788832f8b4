-- Fills warning_day, the per-day, per-district rollup the warning metrics read (V5__warning_day.sql), with
-- about :warningsPerDay warnings a day split by the district weights, ~22.7 % of them dissuading visits.
-- fact_warning itself stays empty: no metric reads it, and at national scale it would hold billions of rows.
WITH catalogue AS (
    SELECT string_to_array(:districts, ',') AS districts, ARRAY[.18, .32, .27, .12, .11] AS weights
)
INSERT INTO warning_day (business_day, district_code, warnings, dissuaded_visits)
SELECT CAST(:first AS date) + day, k.districts[d], n.w, round(n.w * (.207 + .04 * bench.u(day, 40 + d)))::bigint
FROM catalogue k,
     generate_series(0, :days - 1) AS day,
     generate_series(1, 5) AS d,
     LATERAL (SELECT round(:warningsPerDay * k.weights[d] * (.85 + .3 * bench.u(day, 30 + d)))::bigint AS w) n
