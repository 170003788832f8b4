-- Every mail pass asks, for each revision after the first, whether its bulletin's mails are recorded and where the
-- revision before found its files (sql/delivery/unrecorded-corrections.sql); serve runs a pass every few minutes,
-- and the table grows by some 5 000 rows a year. Looked up by bulletin, not read whole each time.
CREATE INDEX delivery_by_bulletin ON delivery (date_from, date_to, revision);
