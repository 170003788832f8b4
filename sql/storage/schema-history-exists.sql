-- Whether the migrations' history table exists: a new database has none (storage/SchemaUpgradeLog).
SELECT to_regclass('flyway_schema_history') IS NOT NULL
