-- Fills fact_case with :cases cases spread evenly over :days days from :first, set-based (no CSV, no merge):
-- the metrics benchmark needs national volume, which the loader would take hours to build.
-- Shapes follow the synthetic drops (generate/CaseFactory): district weights 18/32/27/12/11 %, the 11 fraud
-- types of the catalogue with the first ones most frequent, losses log-normal around 15 000 yuan, ages 18-77
-- with one in ten unknown. Rows go in day order, as nightly loads would have put them.
WITH catalogue AS (
    SELECT string_to_array(:districts, ',') AS districts, string_to_array(:fraudTypes, ',') AS types
)
INSERT INTO fact_case (case_id, reported_at, business_day, district_code, station, fraud_type, loss_amount,
                       victim_age, drop_date, line)
SELECT 'BC' || lpad(i::text, 9, '0'),
       bench.case_at(i, :cases, :days, CAST(:first AS date)),
       CAST(:first AS date) + bench.case_day(i, :cases, :days),
       k.districts[CASE WHEN bench.u(i, 2) < .18 THEN 1 WHEN bench.u(i, 2) < .50 THEN 2
                        WHEN bench.u(i, 2) < .77 THEN 3 WHEN bench.u(i, 2) < .89 THEN 4 ELSE 5 END],
       CASE WHEN bench.u(i, 3) < .2 THEN NULL ELSE '派出所' || (i % 97) END,
       k.types[1 + floor(power(bench.u(i, 4), 1.8) * cardinality(k.types))::int],
       round(least(exp(ln(15000) + 1.1 * bench.normal(i, 5)), 50000000)::numeric, 2),
       CASE WHEN bench.u(i, 6) < .1 THEN NULL ELSE 18 + floor(bench.u(i, 7) * 60)::int END,
       CAST(:first AS date) + bench.case_day(i, :cases, :days),
       (i % 1000000)::int
FROM catalogue k, generate_series(1, :cases) AS i
