-- The fact tables' change counters (V11__fact_version.sql), e.g. "fact_case:12,fact_freeze:9,…": equal
-- strings in two snapshots mean the same facts.
SELECT string_agg(fact || ':' || version, ',' ORDER BY fact) FROM fact_version
