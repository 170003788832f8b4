-- Rule 4 of feeds.md: freezes and refunds whose case has not arrived yet. They are not rejected; they count
-- nowhere until their case is loaded. Counted on the key registers (V19__fact_partitions.sql), which hold every
-- freeze's and refund's case and every case id in narrow tables, instead of every month of the facts.
SELECT (SELECT count(*) FROM fact_freeze_key f WHERE NOT EXISTS (SELECT 1 FROM fact_case_key c WHERE c.case_id = f.case_id))
     + (SELECT count(*) FROM fact_refund_key r WHERE NOT EXISTS (SELECT 1 FROM fact_case_key c WHERE c.case_id = r.case_id))
