-- A rejected row's values are shown to the user as they were in the feed, column by column in the spec's order.
-- jsonb stores keys sorted by length and name; json keeps the text as written. Rows rejected before this
-- migration keep the jsonb order they were stored in.
ALTER TABLE reject ALTER COLUMN record_values TYPE json USING record_values::json;
