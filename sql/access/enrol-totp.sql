-- A new TOTP key (`user totp`): pending until a first code is accepted; replaces any earlier key. A first key also
-- clears the failures and lock of the sign-ins tried before there was one, which could not succeed and counted
-- (SignIn): the new administrator would wait out a lock while the pending key waits to be shown (review). A key
-- replacing another keeps them: a lock then may be someone else's guessing.
UPDATE app_user SET totp_secret = :secret, totp_confirmed = false, totp_enrolled_at = :now, totp_last_step = NULL,
       failed_attempts = CASE WHEN totp_secret IS NULL THEN 0 ELSE failed_attempts END,
       locked_until = CASE WHEN totp_secret IS NULL THEN NULL ELSE locked_until END
WHERE name = :name
