-- Run by the owner after every migrate, so at every start (org.fraudstats.storage.ApplicationRoleGrants, a Flyway
-- callback): the application's role fraudstats_app (the embedded server makes it, storage/application-role.sql;
-- on a server of your own an administrator does, README "Where data lives") gets exactly the rights it needs on
-- whatever the migrations made, and no more, whatever an earlier version granted. It owns nothing, so it can
-- neither alter nor drop a table, nor disable a trigger.
--   tables: read and write rows (jobs, schedules, sessions, users and tokens, facts and their registers,
--           rollups, bulletins, deliveries); never TRUNCATE, REFERENCES or TRIGGER;
--   audit_event: read and append only, the trigger of V17 being the second guard;
--   app_user: read, add, and change the columns sql/access/ changes, never name, role or created_at: no command changes a role, so the
--             application's password (in the home, readable by the server's account) did not have to make a
--             statistician an administrator by a plain UPDATE, recorded nowhere (tester); a role is changed by the
--             owner, by hand in psql;
--   fact_month_archived: read only (archiving a month is the owner's, by hand);
--   views: read; sequences: draw numbers (nextval), never set them: with UPDATE, setval could rewind the audit log's
--          ids, every later insert failing on its key and so every act refused, or place a forged row's id in a gap
--          among real ones (r37b); the history of migrations: nothing;
--   partitions: nothing of their own, every access goes through their partitioned table;
--   functions: fact_month and fact_months (SECURITY DEFINER, V20), which create a month's partitions at load time;
--              record_audit_event and user_name_look (V45, V46), whatever PUBLIC may.
-- Without such a role (one database user for everything, as before) nothing is done. Rights are changed only
-- where they differ, one start at a time, so two commands starting together do not update the same catalogue row.
DO $grants$
DECLARE
    app    text := 'fraudstats_app';
    app_id oid;
    rel    record;
    kind   text;
    wanted text;
BEGIN
    SELECT oid INTO app_id FROM pg_roles WHERE rolname = app;
    IF app_id IS NULL OR app = current_user THEN
        RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('fraudstats application role grants'));
    IF NOT EXISTS (SELECT FROM pg_namespace n, aclexplode(n.nspacl) a
                   WHERE n.nspname = current_schema() AND a.grantee = app_id AND a.privilege_type = 'USAGE') THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), app);
    END IF;
    FOR rel IN
        SELECT c.oid::regclass AS name, c.relname, c.relkind,
               coalesce((SELECT string_agg(a.privilege_type, ', ' ORDER BY a.privilege_type COLLATE "C")
                         FROM aclexplode(c.relacl) a WHERE a.grantee = app_id), '') AS has
        FROM pg_class c
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'v', 'S') AND NOT c.relispartition
    LOOP
        wanted := CASE WHEN rel.relname = 'flyway_schema_history' THEN ''
                       WHEN rel.relkind = 'S' THEN 'SELECT, USAGE'
                       WHEN rel.relkind = 'v' THEN 'SELECT'
                       WHEN rel.relname = 'audit_event' THEN 'INSERT, SELECT'
                       WHEN rel.relname = 'app_user' THEN 'INSERT, SELECT'
                       WHEN rel.relname = 'fact_month_archived' THEN 'SELECT'
                       ELSE 'DELETE, INSERT, SELECT, UPDATE' END;
        kind := CASE rel.relkind WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END;
        IF rel.has <> wanted THEN
            EXECUTE format('REVOKE ALL ON %s %s FROM %I', kind, rel.name, app);
            IF wanted <> '' THEN
                EXECUTE format('GRANT %s ON %s %s TO %I', wanted, kind, rel.name, app);
            END IF;
        END IF;
    END LOOP;
    -- app_user's columns, one by one: UPDATE of those sql/access/ changes, named (a column a later migration adds
    -- gets none until it is named here: review), never name, role or created_at (a table-level REVOKE above takes
    -- them away too, so they are looked at after it; ApplicationRoleTest checks this list against sql/access/)
    FOR rel IN
        SELECT a.attname, has_column_privilege(app_id, c.oid, a.attnum, 'UPDATE') AS can,
               a.attname IN ('password_hash', 'password_changed_at', 'password_change_required', 'failed_attempts',
                             'locked_until', 'enabled', 'totp_secret', 'totp_confirmed', 'totp_enrolled_at',
                             'totp_last_step', 'last_signed_in_at') AS wanted
        FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relname = 'app_user' AND a.attnum > 0 AND NOT a.attisdropped
    LOOP
        IF rel.wanted AND NOT rel.can THEN
            EXECUTE format('GRANT UPDATE (%I) ON TABLE app_user TO %I', rel.attname, app);
        ELSIF rel.can AND NOT rel.wanted THEN
            EXECUTE format('REVOKE UPDATE (%I) ON TABLE app_user FROM %I', rel.attname, app);
        END IF;
    END LOOP;
    IF to_regprocedure('fact_month(date)') IS NOT NULL AND NOT has_function_privilege(app, 'fact_month(date)', 'EXECUTE') THEN
        EXECUTE format('GRANT EXECUTE ON FUNCTION fact_month(date), fact_months(date, date) TO %I', app);
    END IF;
    -- the functions its audit writes and user adds call (V45, V46), granted by name: PUBLIC's default EXECUTE, which
    -- a hardened server revokes (ALTER DEFAULT PRIVILEGES), would otherwise be all that let every audited act through
    -- (review r40e)
    FOR rel IN
        SELECT p.oid::regprocedure AS name
        FROM pg_proc p
        WHERE p.pronamespace = current_schema()::regnamespace AND p.proname IN ('record_audit_event', 'user_name_look')
          AND NOT EXISTS (SELECT FROM aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                          WHERE a.grantee = app_id AND a.privilege_type = 'EXECUTE')
    LOOP
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', rel.name, app);
    END LOOP;
END
$grants$;
