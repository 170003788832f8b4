-- What a sign-in checks, with the user's row locked until the attempt is recorded: two attempts at once must
-- both count towards the lockout.
-- password_changed_at and totp_enrolled_at stamp what a pending first sign-in was checked against (SignIn.Attempt).
SELECT name, role, enabled, password_hash, failed_attempts, locked_until, totp_secret, totp_confirmed, totp_last_step, created_at, last_signed_in_at,
       password_changed_at, totp_enrolled_at
FROM app_user
WHERE name = :name
FOR UPDATE
