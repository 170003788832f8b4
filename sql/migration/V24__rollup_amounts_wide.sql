-- A day's sum of money in a rollup row had the type of one amount, numeric(18,2): 16 integer digits. Each amount
-- a drop may hold is checked to fit that (ingest/FieldFormats), but two of them on one day, district and fraud
-- type could sum past it, and the rollup's INSERT then failed the whole drop with "numeric field overflow",
-- naming no file nor line, and every later drop waited behind it. A sum is as exact as its parts in PostgreSQL's
-- numeric; the rollups now keep 28 integer digits, more than any number of 16-digit amounts a day can add up to.
-- The facts keep numeric(18,2), the bound of one amount; a period's figure sums rollup rows as plain numeric.
ALTER TABLE case_day   ALTER COLUMN loss_amount TYPE numeric(30,2);
ALTER TABLE action_day ALTER COLUMN amount      TYPE numeric(30,2);
ALTER TABLE refund_day ALTER COLUMN amount      TYPE numeric(30,2);
