-- The months whose facts are archived (detached): a rollup check leaves their days out, since their rollups are all
-- that is left of them.
SELECT month FROM fact_month_archived
