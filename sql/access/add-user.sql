-- Adds a user (`user add`); inserts nothing when the name is taken, in any mix of upper and lower case or as it looks
-- (V46), which the caller reports: Li.Na beside li.na, or Iead1 beside lead1, read as one person in the audit log and
-- on /users (an operator; r40d).
INSERT INTO app_user (name, role, password_hash, created_at, password_changed_at, password_change_required)
SELECT :name, :role, :hash, :now, :now, true
WHERE NOT EXISTS (SELECT 1 FROM app_user WHERE user_name_look(name) = user_name_look(:name))
-- any unique index: the name's own, lower(name)'s (V34) or its look's (V46) when two adds of one name race
ON CONFLICT DO NOTHING
