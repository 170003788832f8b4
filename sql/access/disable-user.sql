-- Disables a user (`user disable`): tokens are refused from the next request on; its sessions are deleted beside
-- this (end-sessions.sql), not left to be refused at their next request. Whether it was enabled.
UPDATE app_user SET enabled = false
WHERE name = :name AND enabled
RETURNING name
