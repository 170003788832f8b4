-- The database's name and encoding, and whether Flyway has applied a migration to it before (its history table
-- exists and holds one: the history is read by storage/DatabaseEncodingCheck when to_regclass finds it).
SELECT current_database() AS name, pg_catalog.pg_encoding_to_char(encoding) AS encoding,
       pg_catalog.to_regclass('flyway_schema_history') IS NOT NULL AS has_history
FROM pg_catalog.pg_database
WHERE datname = current_database()
