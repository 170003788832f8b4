-- When each user last signed in, for the administrators' page and `user list`: an account nobody uses any more is
-- found there and disabled (MLPS 2.0 level 3, 访问控制: 及时删除或停用多余的、过期的账户). Until now only the audit log
-- said it, which the administrator may not read, and the auditor, who reads it, may not disable anyone (r42b).
-- Set by a sign-in that succeeded (sql/access/record-sign-in.sql); users who signed in before this version get the
-- time of their last successful sign-in in the audit log. NULL: never signed in.
ALTER TABLE app_user ADD COLUMN last_signed_in_at timestamptz;

UPDATE app_user u
SET last_signed_in_at = (SELECT max(a.time) FROM audit_event a
                         WHERE a.user_name = u.name AND a.action = 'sign-in' AND a.result LIKE 'success%');
