-- The failed sign-ins in a row and the lock they led to (NULL: none), after an attempt.
UPDATE app_user SET failed_attempts = :failures, locked_until = :lockedUntil
WHERE name = :name
