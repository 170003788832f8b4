-- A token the server knows but refuses: whose it is and why, for the audit log (web.md: every refusal recorded).
-- Recorded as an anonymous 401, an expired, revoked or disabled user's token looked the same as a string made up
-- (tester B). A revoked token expired the moment it was revoked (revoke-token.sql), so the two read as one.
SELECT t.id AS token_id, u.name, u.role,
       CASE WHEN NOT u.enabled THEN 'disabled'
            WHEN t.expires_at <= :now THEN 'token expired or revoked'
            WHEN t.role <> u.role THEN 'token made for role ' || t.role
            WHEN u.role IN ('admin', 'auditor') THEN 'token older than ' || :privilegedMaxDays || ' days for ' || u.role
            ELSE 'refused' END AS why
FROM api_token t
JOIN app_user u ON u.name = t.user_name
WHERE t.token_hash = :hash
