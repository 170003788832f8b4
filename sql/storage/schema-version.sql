-- The schema version the migrations last reached, read before they run (storage/SchemaUpgradeLog); null for a new
-- database. Read only once its history table is known to exist (schema-history-exists.sql), so a new database's
-- transaction is not aborted by a missing table.
SELECT max(version::int) FROM flyway_schema_history WHERE success AND version ~ '^[0-9]+$'
