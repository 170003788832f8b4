-- The bench empties the facts of the database it runs on: it may only when the database is its own (it left
-- its marker there) or holds no data at all, so it can never wipe real loads.
SELECT to_regclass('bench.owner') IS NOT NULL
    OR NOT (EXISTS (SELECT 1 FROM fact_case) OR EXISTS (SELECT 1 FROM fact_freeze)
            OR EXISTS (SELECT 1 FROM fact_refund) OR EXISTS (SELECT 1 FROM fact_warning)
            OR EXISTS (SELECT 1 FROM drop_load) OR EXISTS (SELECT 1 FROM bulletin_revision))
