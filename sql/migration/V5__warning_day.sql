-- Warnings are by far the largest feed (some 2.2 million a year for one city), and both their metrics are
-- plain counts, which add up across days and districts. This rollup keeps them per business day and
-- district so that a year-to-date figure reads 1 825 rows instead of millions. It is recomputed from
-- fact_warning for every day a load changes (sql/ingest/rollup-warnings.sql), never updated incrementally.
-- Distinct counts (accounts, refund cases) have no rollup: they are always computed from the facts.
CREATE TABLE warning_day (
    business_day     date   NOT NULL,
    district_code    text   NOT NULL,
    warnings         bigint NOT NULL,
    dissuaded_visits bigint NOT NULL,
    PRIMARY KEY (business_day, district_code)
);

INSERT INTO warning_day (business_day, district_code, warnings, dissuaded_visits)
SELECT business_day, district_code, count(*), count(*) FILTER (WHERE channel = 'VISIT' AND outcome = 'DISSUADED')
FROM fact_warning
GROUP BY business_day, district_code;
