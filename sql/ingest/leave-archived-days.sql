-- An archived month's figures stay as its rollups hold them (README, "Where data lives"): its facts are detached, so
-- recomputing one of its days would count nothing and publish the zeros as a revision. A load reaches such a day
-- only through a link that archive_fact_months refuses to leave behind (V22) or that the loader refuses
-- (archived-versions.sql); a home archived before V22 may still hold one. This load's changed days in archived
-- months are forgotten before the rollups are recomputed: neither recomputed nor revised.
DELETE FROM changed_day c
USING fact_month_archived a
WHERE c.job_execution_id = :jobExecutionId
  AND a.month = date_trunc('month', c.business_day)::date
