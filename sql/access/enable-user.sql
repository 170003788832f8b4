-- Enables a disabled user again (`user enable`): whether it was disabled. Its sessions were deleted at the disable
-- (end-sessions.sql), so none comes back with it.
UPDATE app_user SET enabled = true
WHERE name = :name AND NOT enabled
RETURNING name
