-- Rule 4 of feeds.md: freezes and refunds whose case has not arrived yet. They are not rejected; they count
-- nowhere until their case is loaded.
SELECT (SELECT count(*) FROM fact_freeze f WHERE NOT EXISTS (SELECT 1 FROM fact_case c WHERE c.case_id = f.case_id))
     + (SELECT count(*) FROM fact_refund r WHERE NOT EXISTS (SELECT 1 FROM fact_case c WHERE c.case_id = r.case_id))
