-- A user's pending TOTP key, for the QR code shown at the first sign-in after `user totp`.
SELECT totp_secret
FROM app_user
WHERE name = :name AND totp_secret IS NOT NULL AND NOT totp_confirmed
