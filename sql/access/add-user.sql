-- Adds a user (`user add`); inserts nothing when the name is taken, in any mix of upper and lower case, which the
-- caller reports: Li.Na beside li.na read as one person in the audit log and on /users (an operator).
INSERT INTO app_user (name, role, password_hash, created_at, password_changed_at, password_change_required)
SELECT :name, :role, :hash, :now, :now, true
WHERE NOT EXISTS (SELECT 1 FROM app_user WHERE lower(name) = lower(:name))
-- either unique index: the name's own, or lower(name)'s (V34) when two adds of one name in two cases race
ON CONFLICT DO NOTHING
