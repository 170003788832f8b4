-- Every user, by name (`user list`, the administrators' page). No hash or secret leaves the database here.
SELECT name, role, enabled, totp_secret IS NOT NULL AS totp_enrolled, totp_confirmed, locked_until, created_at, last_signed_in_at,
       password_change_required OR password_changed_at <= CAST(:now AS timestamptz) - make_interval(days => :maxDays) AS password_change_due
FROM app_user
ORDER BY name
