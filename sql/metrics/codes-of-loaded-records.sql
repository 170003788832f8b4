-- The district and fraud type codes loaded records carry that the catalogue lacks (:districts, :fraudTypes), with how
-- many records of each: every figure is read by the catalogue's codes (area-figures.sql), so a district code the
-- catalogue lost would count its records in no district and not in the city. Read from the daily rollups (cases by
-- district and fraud type, warnings by district); a freeze or refund counts in its case's district, a pending one
-- nowhere yet. Archived months keep their rollups. Normally no row: the loader refuses codes outside the catalogue.
SELECT 'district' AS kind, district_code AS code, sum(cases) AS records, 'cases' AS what
FROM case_day WHERE district_code NOT IN (:districts) GROUP BY district_code HAVING sum(cases) > 0
UNION ALL
SELECT 'district', district_code, sum(warnings), 'warnings'
FROM warning_day WHERE district_code NOT IN (:districts) GROUP BY district_code HAVING sum(warnings) > 0
UNION ALL
SELECT 'fraud_type', fraud_type, sum(cases), 'cases'
FROM case_day WHERE fraud_type NOT IN (:fraudTypes) GROUP BY fraud_type HAVING sum(cases) > 0
ORDER BY kind, code, what
