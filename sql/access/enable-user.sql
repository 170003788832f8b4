-- Enables a disabled user again (`user enable`): whether it was disabled. Its sessions ended at the disable.
UPDATE app_user SET enabled = true
WHERE name = :name AND NOT enabled
RETURNING name
