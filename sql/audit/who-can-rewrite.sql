-- Whether the role this application connects as could rewrite the audit log, which the log's triggers keep
-- append-only to every role but its owner: a superuser, the owner of audit_event (or a member of it, a DBA's
-- GRANT owner TO app), the owner of its schema, who may drop the table whatever the triggers say (on PostgreSQL 15
-- and later public belongs to the database's owner: CREATE DATABASE … OWNER app makes it so), or, before
-- PostgreSQL 16, a role with CREATEROLE, which may make itself a member of the owner (r43b, review r43e). The
-- embedded server connects as a role of its own that is none of these; an external server is the DBA's to set up
-- (README, Where data lives).
SELECT current_user AS role_name,
       r.rolsuper AS superuser,
       pg_has_role(current_user, c.relowner, 'MEMBER') AS owner,
       pg_get_userbyid(c.relowner) AS owner_name,
       pg_has_role(current_user, n.nspowner, 'MEMBER') AS schema_owner,
       n.nspname AS schema_name,
       r.rolcreaterole AND current_setting('server_version_num')::int < 160000 AS may_grant_itself
FROM pg_roles r
CROSS JOIN pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE r.rolname = current_user
  AND c.oid = 'audit_event'::regclass
