-- A sign-in that succeeded (password, and the TOTP code where one is asked): when the user last signed in, shown to
-- the administrators so that an account unused for months is found and disabled.
UPDATE app_user SET last_signed_in_at = :now
WHERE name = :name
