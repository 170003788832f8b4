-- The embedded server's login role for the application (README, "Where data lives"), made or put back at every
-- start by its superuser, who stays the owner of every object and runs the migrations: the application's
-- connections cannot alter, drop or disable what they did not make (audit_event's trigger above all), nor
-- create anything outside their own temporary tables. Its rights on the tables are granted after each migration
-- (storage/application-grants.sql); its password is set from the home's 0600 file by the caller.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'fraudstats_app') THEN
        CREATE ROLE fraudstats_app LOGIN;
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'fraudstats_app'
               AND (rolsuper OR rolcreatedb OR rolcreaterole OR rolreplication OR rolbypassrls OR NOT rolcanlogin)) THEN
        ALTER ROLE fraudstats_app WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
    END IF;
    -- PostgreSQL 15 and later give PUBLIC no CREATE on schema public; a data folder made before says otherwise
    IF has_schema_privilege('fraudstats_app', 'public', 'CREATE') THEN
        REVOKE CREATE ON SCHEMA public FROM PUBLIC;
    END IF;
END
$$
