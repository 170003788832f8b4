-- What a sign-in checks, with the user's row locked until the attempt is recorded: two attempts at once must
-- both count towards the lockout.
SELECT name, role, enabled, password_hash, failed_attempts, locked_until, totp_secret, totp_confirmed, totp_last_step, created_at
FROM app_user
WHERE name = :name
FOR UPDATE
