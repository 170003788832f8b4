-- Whose an API token is, if it is unexpired and its user enabled: checked on every request that carries one. Its id
-- goes into the audit's client column (web/security/Clients).
SELECT t.id AS token_id, u.name, u.role, u.enabled, u.totp_secret IS NOT NULL AS totp_enrolled, u.totp_confirmed, u.locked_until, u.created_at,
       u.password_change_required OR u.password_changed_at <= CAST(:now AS timestamptz) - make_interval(days => :maxDays) AS password_change_due
FROM api_token t
JOIN app_user u ON u.name = t.user_name
WHERE t.token_hash = :hash AND t.expires_at > :now AND u.enabled
