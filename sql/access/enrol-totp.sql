-- A new TOTP key (`user totp`): pending until a first code is accepted; replaces any earlier key. An administrator's
-- or auditor's first key also clears the failures and lock of the sign-ins tried before there was one, which could
-- not succeed and counted (SignIn): the new administrator would wait out a lock while the pending key waits to be
-- shown (review). A key replacing another keeps them, and so does a leader's, statistician's or press officer's first
-- key: they sign in without one, so their lock is someone's guessing, given five new tries by the key (review 31).
UPDATE app_user SET totp_secret = :secret, totp_confirmed = false, totp_enrolled_at = :now, totp_last_step = NULL,
       failed_attempts = CASE WHEN totp_secret IS NULL AND (role = 'admin' OR role = 'auditor') THEN 0 ELSE failed_attempts END,
       locked_until = CASE WHEN totp_secret IS NULL AND (role = 'admin' OR role = 'auditor') THEN NULL ELSE locked_until END
WHERE name = :name
