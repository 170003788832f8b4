-- Disables a user (`user disable`): sessions and tokens are refused from the next request on.
UPDATE app_user SET enabled = false
WHERE name = :name
