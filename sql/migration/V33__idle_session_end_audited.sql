-- A signed-in session that ends because it was idle 30 minutes is recorded in the audit log, as every other end of a
-- session is (sign-out, ended: disabled, ended: replaced…): the auditor saw a sign-in and then nothing, and could not
-- tell a user who walked away from one still at work (MLPS 2.0 level 3 asks for the end of every session).
--
-- Spring Session deletes an expired session in two places, neither of which tells the application: its cleanup every
-- minute (DELETE … WHERE expiry_time < now), and the next request that presents the expired cookie. A trigger on the
-- delete catches both, on every node of a cluster, once per session (only one delete gets the row). A session deleted
-- before its expiry (a sign-out, a lock, a disabled user, a newer sign-in) is recorded by the application, as before.
-- The application's clock sets expiry_time and the database's is read here; they are the same machine's, or NTP's,
-- and a skew of milliseconds misses only a session deleted within those milliseconds of its expiry.
--
-- The record says when the session was last used: its row is written at the delete (V29 makes the time the
-- database's clock), which may be a minute after the expiry, or days later when serve was stopped meanwhile.
-- Ending a session takes access away, so a record that cannot be written (a full disk) does not stop the delete: the
-- database's own log gets a warning, as the application's log does for the other ends.
CREATE FUNCTION spring_session_idle_end() RETURNS trigger LANGUAGE plpgsql
    SET search_path FROM CURRENT AS $$
BEGIN
    BEGIN
        INSERT INTO audit_event (user_name, role, client, action, object, result)
        VALUES (OLD.principal_name,
                coalesce((SELECT role FROM app_user WHERE name = OLD.principal_name), ''),
                '',
                'sign-out',
                OLD.principal_name,
                'ended: idle for ' || (OLD.max_inactive_interval / 60) || ' minutes since '
                    || pg_catalog.to_char(pg_catalog.to_timestamp(OLD.last_access_time / 1000.0) AT TIME ZONE 'Asia/Shanghai',
                                          'YYYY-MM-DD"T"HH24:MI:SS') || '+08:00');
    EXCEPTION WHEN OTHERS THEN
        RAISE WARNING 'end of the idle session of % not recorded in the audit log: %', OLD.principal_name, SQLERRM;
    END;
    RETURN OLD;
END
$$;

CREATE TRIGGER spring_session_idle_end AFTER DELETE ON spring_session
    FOR EACH ROW
    WHEN (OLD.principal_name IS NOT NULL
          AND OLD.expiry_time < (pg_catalog.date_part('epoch', pg_catalog.clock_timestamp()) * 1000)::bigint)
    EXECUTE FUNCTION spring_session_idle_end();
