-- Every user, by name (`user list`, the administrators' page). No hash or secret leaves the database here.
SELECT name, role, enabled, totp_secret IS NOT NULL AS totp_enrolled, totp_confirmed, locked_until, created_at
FROM app_user
ORDER BY name
