-- Amounts of 10 billion yuan or more in [:from, :to]: the loader refuses them since 2026-12-06 (money has at most 10
-- digits before the point; a 16-digit card number was money under the storage's bound, and a row exported with
-- account_no and amount swapped loaded as good: review 30), but rows loaded before stay. `verify` warns of them, and
-- no bulletin, listing of figures or headline is made over one (RollupCheck.requireNoOutsizedAmounts): the first, and
-- how many. Read over the period's facts, as verify's own recompute is; V38's partial indexes keep it cheap.
SELECT feed, id, business_day, count(*) OVER () AS total
FROM (SELECT 'cases.csv' AS feed, case_id AS id, business_day
      FROM fact_case
      WHERE business_day BETWEEN :from AND :to AND loss_amount >= 10000000000
      UNION ALL
      SELECT 'freezes.csv', freeze_id, business_day
      FROM fact_freeze
      WHERE business_day BETWEEN :from AND :to AND amount >= 10000000000
      UNION ALL
      SELECT 'refunds.csv', refund_id, business_day
      FROM fact_refund
      WHERE business_day BETWEEN :from AND :to AND amount >= 10000000000) outsized
ORDER BY business_day, feed, id
LIMIT 1
