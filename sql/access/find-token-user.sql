-- Whose an API token is, if it is unexpired and its user enabled: checked on every request that carries one. Its id
-- goes into the audit's client column (web/security/Clients).
SELECT t.id AS token_id, u.name, u.role, u.enabled, u.totp_secret IS NOT NULL AS totp_enrolled, u.totp_confirmed, u.locked_until, u.created_at, u.last_signed_in_at,
       u.password_change_required OR u.password_changed_at <= CAST(:now AS timestamptz) - make_interval(days => :maxDays) AS password_change_due
FROM api_token t
JOIN app_user u ON u.name = t.user_name
WHERE t.token_hash = :hash AND t.expires_at > :now AND u.enabled
  -- made for another role than its user's now: the role changed since (V45), even by a change not yet committed then
  AND t.role = u.role
  -- an administrator's or auditor's token serves 30 days at most (access/Tokens.PRIVILEGED_MAX_DAYS), whatever date
  -- it was given before the cap: it signs in without the TOTP code those roles must give
  AND (u.role NOT IN ('admin', 'auditor') OR t.created_at > CAST(:now AS timestamptz) - make_interval(days => :privilegedMaxDays))
