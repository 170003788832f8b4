-- An audit record's time is the database's clock when the row is inserted (clock_timestamp(), not the start of its
-- transaction), whatever the insert says, and its id is always the next of its sequence: the application's
-- database user can insert (it must, to record), and an insert naming its own time put a forged row at any date
-- among the real ones (MLPS tester: a read-audit "2026-06-01T10:00+08:00" from 10.9.9.9 shown to the auditor); one
-- naming its own id could have put it anywhere in the order rows were written in. The id's default is dropped so
-- that the trigger draws the one number of each row. Functions are named with their schema, so a search_path set
-- by whoever inserts changes nothing.
ALTER TABLE audit_event ALTER COLUMN id DROP DEFAULT;

CREATE FUNCTION audit_event_time_now() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.time := pg_catalog.clock_timestamp();
    NEW.id := pg_catalog.nextval(pg_catalog.pg_get_serial_sequence(pg_catalog.quote_ident(TG_TABLE_SCHEMA) || '.audit_event', 'id'));
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_event_time_now BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_time_now();
