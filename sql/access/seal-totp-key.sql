-- Seals a TOTP key enrolled before keys were sealed (access/TotpKeys), once its user's code was accepted with it;
-- only if the row still holds that clear key (a `user totp` meanwhile enrolled another).
UPDATE app_user SET totp_secret = :sealed
WHERE name = :name AND totp_secret = :clear
