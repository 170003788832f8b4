-- A record of this drop whose stored version lies in an archived month (fact_month_archived, V19): a correction or
-- a late duplicate of a record whose facts were detached. Its register row is still there (ids stay unique), its
-- month's partition is not, so the merge could neither update it nor insert it again. The load fails instead,
-- naming the record and the month, before any merge. Nothing is read while no month is archived (the usual case):
-- the one-time filter on fact_month_archived skips every join.
-- So does a freeze or refund of a case stored in an archived month, or one stored of such a case and now
-- corrected (of_case names the case): its figures (the
-- case's district, its minutes to stop, its refund case) are counted with the case, on the case's day, and that
-- day's rollups could only be recomputed from facts that are gone, which would set the archived day's published
-- figures to zero.
-- And a record of this drop dated in an archived month (line is then its line): the month's partitions are gone,
-- so it has nowhere to go. Named here by file, line and day; fact_month (V21), which the load would reach next,
-- can only name the month.
SELECT s.id, s.file, s.of_case, s.line, s.business_day, to_char(s.business_day, 'YYYY-MM') AS month
FROM (SELECT c.case_id AS id, 'cases.csv' AS file, NULL AS of_case, NULL::integer AS line, k.business_day
      FROM stage_cases c JOIN fact_case_key k ON k.case_id = c.case_id
      UNION ALL
      SELECT f.freeze_id, 'freezes.csv', NULL, NULL, k.business_day
      FROM stage_freezes f JOIN fact_freeze_key k ON k.freeze_id = f.freeze_id
      UNION ALL
      SELECT f.freeze_id, 'freezes.csv', f.case_id, NULL, k.business_day
      FROM stage_freezes f JOIN fact_case_key k ON k.case_id = f.case_id
      UNION ALL
      SELECT f.freeze_id, 'freezes.csv', s.case_id, NULL, k.business_day
      FROM stage_freezes f JOIN fact_freeze s ON s.freeze_id = f.freeze_id JOIN fact_case_key k ON k.case_id = s.case_id
      UNION ALL
      SELECT r.refund_id, 'refunds.csv', NULL, NULL, k.business_day
      FROM stage_refunds r JOIN fact_refund_key k ON k.refund_id = r.refund_id
      UNION ALL
      SELECT r.refund_id, 'refunds.csv', r.case_id, NULL, k.business_day
      FROM stage_refunds r JOIN fact_case_key k ON k.case_id = r.case_id
      UNION ALL
      SELECT r.refund_id, 'refunds.csv', s.case_id, NULL, k.business_day
      FROM stage_refunds r JOIN fact_refund s ON s.refund_id = r.refund_id JOIN fact_case_key k ON k.case_id = s.case_id
      UNION ALL
      SELECT w.warning_id, 'warnings.csv', NULL, NULL, k.business_day
      FROM stage_warnings w JOIN fact_warning_key k ON k.warning_id = w.warning_id
      UNION ALL
      SELECT case_id, 'cases.csv', NULL, line, (reported_at AT TIME ZONE 'Asia/Shanghai')::date FROM stage_cases
      UNION ALL
      SELECT freeze_id, 'freezes.csv', NULL, line, (effective_at AT TIME ZONE 'Asia/Shanghai')::date FROM stage_freezes
      UNION ALL
      SELECT refund_id, 'refunds.csv', NULL, line, (refunded_at AT TIME ZONE 'Asia/Shanghai')::date FROM stage_refunds
      UNION ALL
      SELECT warning_id, 'warnings.csv', NULL, line, (issued_at AT TIME ZONE 'Asia/Shanghai')::date FROM stage_warnings) s
JOIN fact_month_archived a ON a.month = date_trunc('month', s.business_day)::date
WHERE EXISTS (SELECT 1 FROM fact_month_archived)
ORDER BY s.file, s.line NULLS FIRST, s.id
LIMIT 1
