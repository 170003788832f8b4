-- A new password hash (`user password`, the user's own page); the failed attempts and any lock are cleared,
-- since whoever set it knows the new password. One set by someone else must be changed at the next sign-in.
UPDATE app_user SET password_hash = :hash, password_changed_at = :now, failed_attempts = 0, locked_until = NULL,
                    password_change_required = :required
WHERE name = :name
