-- Cases and loss per fraud type for the city over [:from, :to]: the cases reported in P (by the business day
-- of reported_at), over the configured districts. Used to rank fraud types in the bulletins.
SELECT c.fraud_type,
       count(*)           AS cases,
       sum(c.loss_amount) AS loss_amount
FROM fact_case c
WHERE c.business_day BETWEEN :from AND :to
  AND c.district_code = ANY (string_to_array(:districts, ','))
GROUP BY c.fraud_type
ORDER BY cases DESC, loss_amount DESC, c.fraud_type
