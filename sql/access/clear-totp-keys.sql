-- The TOTP keys still in clear: enrolled before keys were sealed (access/TotpKeys), their users not signed in since.
SELECT name, totp_secret
FROM app_user
WHERE totp_secret IS NOT NULL AND totp_secret NOT LIKE 'sealed1:%'
