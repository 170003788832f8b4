-- A session ended by a newer sign-in of its user (at most three a user: web/security/ReplacedSessions) is recorded
-- when that sign-in ends it, not at its next request: one never used again was recorded half an hour later by the
-- idle cleanup (V33) as "ended: idle for 30 minutes", and an auditor read that it had stayed usable all that time, for
-- another reason (r37b). The session's row stays until its next request or its expiry, so that request is still told
-- 您的账户已在别处登录; its id is kept here meanwhile, to say that its end is recorded already: the application's next-
-- request paths and sql/access/end-sessions.sql read it, and the trigger below forgets it with an expired session and
-- records an idle end only of one not so marked (sql/access/mark-replaced-session.sql forgets those deleted otherwise).
CREATE TABLE replaced_session (
    session_id  text PRIMARY KEY,
    replaced_at timestamptz NOT NULL DEFAULT now()
);

CREATE OR REPLACE FUNCTION spring_session_idle_end() RETURNS trigger LANGUAGE plpgsql
    SET search_path FROM CURRENT AS $$
BEGIN
    BEGIN
        -- called for an expired session only (V33's trigger); the mark of one deleted before (its logout at its next
        -- request, read after that delete) goes with the next session marked
        DELETE FROM replaced_session WHERE session_id = OLD.session_id;
        IF FOUND THEN
            RETURN OLD; -- replaced: recorded then
        END IF;
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

