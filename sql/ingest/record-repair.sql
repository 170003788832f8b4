-- A repair of the rollups (`verify --repair`) recorded as a change of figures, numbered like a load: the next of
-- load_counter, whose row this transaction keeps locked until it commits, as sql/ingest/record-drop-load.sql does,
-- so that numbers follow commit order whoever changes figures and a bulletin's last_load_seen tells whether its
-- snapshot held the repair (V14, V23). Run in the transaction that rewrote the rollups, after the rewrite.
WITH counter AS (
    UPDATE load_counter SET last_load = last_load + 1 RETURNING last_load
)
INSERT INTO rollup_repair (load_number, date_from, date_to, repaired_by, rows_rewritten)
SELECT last_load, :from, :to, :by, :rowsRewritten
FROM counter
RETURNING load_number
