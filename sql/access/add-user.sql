-- Adds a user (`user add`); inserts nothing when the name is taken, which the caller reports.
INSERT INTO app_user (name, role, password_hash, created_at, password_changed_at, password_change_required)
VALUES (:name, :role, :hash, :now, :now, true)
ON CONFLICT (name) DO NOTHING
