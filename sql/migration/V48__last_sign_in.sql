-- When each user last signed in, for the administrators' page and `user list`: an account nobody uses any more is
-- found there and disabled (MLPS 2.0 level 3, 访问控制: 及时删除或停用多余的、过期的账户). Until now only the audit log
-- said it, which the administrator may not read, and the auditor, who reads it, may not disable anyone (r42b).
-- Set by a sign-in that succeeded (sql/access/record-sign-in.sql); users who signed in before this version get the
-- time of their last successful sign-in in the audit log. NULL: never signed in.
ALTER TABLE app_user ADD COLUMN last_signed_in_at timestamptz;

-- one read of the audit log, grouped: a look-up per user walked the log (indexed by time alone) newest first, the
-- whole of it for a user never signed in, while the ALTER above held app_user (review r42e)
UPDATE app_user u
SET last_signed_in_at = s.last
FROM (SELECT user_name, max(time) AS last
      FROM audit_event
      WHERE action = 'sign-in' AND result LIKE 'success%'
      GROUP BY user_name) s
WHERE s.user_name = u.name;
