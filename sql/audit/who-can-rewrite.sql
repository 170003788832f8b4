-- Whether the role this application connects as could rewrite the audit log, which the log's triggers keep
-- append-only to every role but its owner: a superuser, or the owner of audit_event (or a member of it, a DBA's
-- GRANT owner TO app), can disable the triggers and delete rows (r43b). The embedded server connects as a role of
-- its own that is neither; an external server is the DBA's to set up (README, Where data lives).
SELECT current_user AS role_name,
       r.rolsuper AS superuser,
       pg_has_role(current_user, c.relowner, 'MEMBER') AS owner,
       pg_get_userbyid(c.relowner) AS owner_name
FROM pg_roles r
CROSS JOIN pg_class c
WHERE r.rolname = current_user
  AND c.oid = 'audit_event'::regclass
