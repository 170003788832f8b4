-- The hash of a user's current password, which a reset by `user password --password-stdin` must not give again.
SELECT password_hash FROM app_user WHERE name = :name
