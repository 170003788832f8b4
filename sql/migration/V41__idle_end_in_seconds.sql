-- The end of an idle session says the limit as it was set: V33 wrote whole minutes, so a limit of 150 s
-- (SERVER_SERVLET_SESSION_TIMEOUT=150) was recorded "idle for 2 minutes", and an auditor comparing the row with the
-- configured limit saw a session ended before its time (r34a). A limit of whole minutes reads as before.
CREATE OR REPLACE FUNCTION spring_session_idle_end() RETURNS trigger LANGUAGE plpgsql
    SET search_path FROM CURRENT AS $$
BEGIN
    BEGIN
        INSERT INTO audit_event (user_name, role, client, action, object, result)
        VALUES (OLD.principal_name,
                coalesce((SELECT role FROM app_user WHERE name = OLD.principal_name), ''),
                '',
                'sign-out',
                OLD.principal_name,
                'ended: idle for '
                    || CASE WHEN OLD.max_inactive_interval % 60 = 0 THEN (OLD.max_inactive_interval / 60) || ' minutes'
                            ELSE OLD.max_inactive_interval || ' seconds' END
                    || ' since '
                    || pg_catalog.to_char(pg_catalog.to_timestamp(OLD.last_access_time / 1000.0) AT TIME ZONE 'Asia/Shanghai',
                                          'YYYY-MM-DD"T"HH24:MI:SS') || '+08:00');
    EXCEPTION WHEN OTHERS THEN
        RAISE WARNING 'end of the idle session of % not recorded in the audit log: %', OLD.principal_name, SQLERRM;
    END;
    RETURN OLD;
END
$$;
