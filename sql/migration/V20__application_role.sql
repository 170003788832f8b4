-- The application connects as a role that owns nothing (README, "Where data lives"; MLPS 2.0 level 3,
-- separation of privileges): the tables belong to the role that runs these migrations. What the application
-- does at run time that only an owner may do goes through a function owned by that role, SECURITY DEFINER with
-- a fixed search_path (so no object of the caller's choosing is found first), which only the roles granted it
-- may run (storage/application-grants.sql grants it to the application role).
--
-- fact_month creates a month's partitions (CREATE TABLE … PARTITION OF), called at load time through
-- sql/ingest/create-months.sql and fact_months. Its temporary table goes to pg_temp, searched last.
ALTER FUNCTION fact_month(date) SECURITY DEFINER SET search_path = "${flyway:defaultSchema}", pg_temp;
REVOKE EXECUTE ON FUNCTION fact_month(date) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION fact_months(date, date) FROM PUBLIC;
-- Archiving a month (README, "Where data lives") is the owner's, by hand in psql: not the application's.
REVOKE EXECUTE ON FUNCTION archive_fact_month(date) FROM PUBLIC;
