-- A new TOTP key (`user totp`): pending until a first code is accepted; replaces any earlier key.
UPDATE app_user SET totp_secret = :secret, totp_confirmed = false, totp_enrolled_at = :now, totp_last_step = NULL
WHERE name = :name
