-- Whether a versioned migration was ever applied to this database.
SELECT EXISTS (SELECT 1 FROM flyway_schema_history WHERE success AND version IS NOT NULL) AS applied
