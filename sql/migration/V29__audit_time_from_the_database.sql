-- An audit record's time is the database's clock when the row is inserted (clock_timestamp(), not the start of its
-- transaction), whatever the insert says, and its id comes from its sequence: the application's database user can
-- insert (it must, to record), and an insert naming its own time put a forged row at any date among the real ones
-- (MLPS tester: a read-audit "2026-06-01T10:00+08:00" from 10.9.9.9 shown to the auditor); one naming its own id
-- could have put it anywhere in the order rows were written in. Functions are named with their schema, so a
-- search_path set by whoever inserts changes nothing.
CREATE FUNCTION audit_event_time_now() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids text := pg_catalog.pg_get_serial_sequence(pg_catalog.quote_ident(TG_TABLE_SCHEMA) || '.audit_event', 'id');
BEGIN
    NEW.time := pg_catalog.clock_timestamp();
    BEGIN
        -- the column's default has just drawn the id in this session; any other id was given by the insert
        IF NEW.id IS DISTINCT FROM pg_catalog.currval(ids) THEN
            NEW.id := pg_catalog.nextval(ids);
        END IF;
    EXCEPTION WHEN object_not_in_prerequisite_state THEN
        NEW.id := pg_catalog.nextval(ids);
    END;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_event_time_now BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_time_now();
