-- A user's password hash, to check the current password before the user sets a new one on their own page.
SELECT password_hash
FROM app_user
WHERE name = :name AND enabled
