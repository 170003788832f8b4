-- An audit record's time is the database's clock at the insert, whatever the insert says: the application's
-- database user can insert (it must, to record), and an insert naming its own time put a forged row at any date
-- among the real ones (MLPS tester: a read-audit "2026-06-01T10:00+08:00" from 10.9.9.9 shown to the auditor).
-- The row's id, from a sequence, keeps the order rows were written in.
CREATE FUNCTION audit_event_time_now() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.time := now();
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_event_time_now BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_time_now();
