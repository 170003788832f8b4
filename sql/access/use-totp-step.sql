-- Accepts a TOTP code of this 30-second step only once (RFC 6238 §5.2): the step must be later than the last
-- accepted one. Confirms a pending enrolment.
UPDATE app_user SET totp_last_step = :step, totp_confirmed = true
WHERE name = :name AND (totp_last_step IS NULL OR totp_last_step < :step)
