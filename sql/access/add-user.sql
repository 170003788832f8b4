-- Adds a user (`user add`); inserts nothing when the name is taken, which the caller reports.
INSERT INTO app_user (name, role, password_hash, created_at, password_changed_at)
VALUES (:name, :role, :hash, :now, :now)
ON CONFLICT (name) DO NOTHING
