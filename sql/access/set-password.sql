-- A new password hash (`user password`, the user's own page); the failed attempts and any lock are cleared,
-- since whoever set it knows the new password.
UPDATE app_user SET password_hash = :hash, password_changed_at = :now, failed_attempts = 0, locked_until = NULL
WHERE name = :name
