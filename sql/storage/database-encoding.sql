-- The database's name and encoding, and whether fraudstats has migrated it before (its audit log exists).
SELECT current_database() AS name, pg_catalog.pg_encoding_to_char(encoding) AS encoding,
       pg_catalog.to_regclass('audit_event') IS NOT NULL AS migrated_before
FROM pg_catalog.pg_database
WHERE datname = current_database()
