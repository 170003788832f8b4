-- Rule 4 of feeds.md: "pending rows are reported". The freezes and refunds whose case has not arrived (no case_id in
-- the key register fact_case_key), which count nowhere until it does: which row waits for which case, from which
-- drop and line, so that someone can chase the missing case with its provider (tester: only a count was given).
-- The latest business days first, the first :limit of them (count-pending.sql counts them all).
SELECT p.kind, p.id, p.case_id, p.business_day, p.drop_date, p.line
FROM (SELECT 'freeze' AS kind, k.freeze_id AS id, k.case_id, k.business_day, f.drop_date, f.line
      FROM fact_freeze_key k
      JOIN fact_freeze f ON f.freeze_id = k.freeze_id AND f.business_day = k.business_day
      WHERE NOT EXISTS (SELECT 1 FROM fact_case_key c WHERE c.case_id = k.case_id)
      UNION ALL
      SELECT 'refund', k.refund_id, k.case_id, k.business_day, r.drop_date, r.line
      FROM fact_refund_key k
      JOIN fact_refund r ON r.refund_id = k.refund_id AND r.business_day = k.business_day
      WHERE NOT EXISTS (SELECT 1 FROM fact_case_key c WHERE c.case_id = k.case_id)) p
ORDER BY p.business_day DESC, p.kind, p.id
LIMIT :limit
