-- Two holes in the audit log that a tester found from the database side (r40d).
--
-- 1. A role is changed by the owner, in psql (no command changes one: README). That change was recorded nowhere,
--    and the user's API tokens went on with the new role: a press officer moved to statistician had a script's token
--    that could read figures and start reruns from then on, and nobody had approved it for that. Now every change of
--    a role is an audit row of its own (user-role, by the database user who made it, from where), and the user's
--    tokens still alive end with it, as a disable's do (sql/access/revoke-user-tokens.sql): a new one is made at
--    /account for the new role; and the user's sessions end with it (they ended only at their next request, so one
--    idle through a change and its undoing went on: r40f), each recorded `ended: role changed`.
--    The database user is written `db:NAME` (a ':' no application user name holds), so `postgres` the database's
--    owner is not read as an application user of that name. The tokens ended are those committed before the change;
--    one made meanwhile, by a `token create` while the owner's transaction was still open, is refused all the same:
--    each token now keeps the role it was made for, and serves only while its user has that role (review r40e:
--    sql/access/find-token-user.sql), which the revoke here says out loud.
ALTER TABLE api_token ADD COLUMN role text;
UPDATE api_token t SET role = u.role FROM app_user u WHERE u.name = t.user_name;
ALTER TABLE api_token ALTER COLUMN role SET NOT NULL;

CREATE FUNCTION app_user_role_changed() RETURNS trigger LANGUAGE plpgsql
SET search_path = "${flyway:defaultSchema}", pg_temp AS $$
DECLARE
    ended text;
BEGIN
    -- clock_timestamp(), not now(): the transaction may have begun long before, and a token made since would read as
    -- ending before it was made
    WITH revoked AS (
        UPDATE api_token SET expires_at = clock_timestamp() WHERE user_name = NEW.name AND expires_at > clock_timestamp() RETURNING id
    )
    SELECT string_agg('token ' || id, ', ' ORDER BY id) INTO ended FROM revoked;
    INSERT INTO audit_event (user_name, role, client, action, object, result)
    VALUES ('db:' || session_user, '', 'database ' || coalesce(host(inet_client_addr()), 'local'), 'user-role',
            NEW.name || ' (' || OLD.role || ' → ' || NEW.role || coalesce('; tokens ended: ' || ended, '') || ')',
            'success');
    -- and the user's sessions, at once, as a disable ends them (sql/access/end-sessions.sql): left to be refused at
    -- their next request, one idle through a change and its undoing came back signed in, unrecorded (r40f); each
    -- live one recorded as that request would have (`ended: role changed`), an expired one by V33's trigger as idle,
    -- one a newer sign-in replaced already recorded (V42)
    WITH ended_sessions AS (
        DELETE FROM spring_session s
        WHERE s.principal_name = NEW.name
        RETURNING s.expiry_time >= (pg_catalog.date_part('epoch', pg_catalog.clock_timestamp()) * 1000)::bigint
                  AND NOT EXISTS (SELECT 1 FROM replaced_session r WHERE r.session_id = s.session_id) AS live
    )
    INSERT INTO audit_event (user_name, role, client, action, object, result)
    SELECT NEW.name, OLD.role, '', 'sign-out', NEW.name, 'ended: role changed'
    FROM ended_sessions
    WHERE ended_sessions.live;
    RETURN NEW;
END
$$;

CREATE TRIGGER app_user_role_changed AFTER UPDATE OF role ON app_user
    FOR EACH ROW WHEN (OLD.role IS DISTINCT FROM NEW.role) EXECUTE FUNCTION app_user_role_changed();

-- 2. A table is looked for in the session's temporary schema first, unless a search_path names pg_temp last: a
--    TEMP table audit_event, made by one injected statement on a pooled connection, took every audit row that
--    connection recorded afterwards, and public.audit_event got none. PostgreSQL never looks for a function in
--    pg_temp, so the application records through this one (sql/audit/record-event.sql), whose search_path puts the
--    schema first; the idle-session trigger (V33, V41, V42) took Flyway's search_path, pg_temp first: fixed the same
--    way. Not SECURITY DEFINER: the caller's own right to append (application-grants.sql) is what it uses.
CREATE FUNCTION record_audit_event(p_user text, p_role text, p_client text, p_action text, p_object text, p_result text)
RETURNS bigint LANGUAGE sql
SET search_path = "${flyway:defaultSchema}", pg_temp AS $$
    INSERT INTO audit_event (user_name, role, client, action, object, result)
    VALUES (p_user, p_role, p_client, p_action, p_object, p_result)
    RETURNING id
$$;

ALTER FUNCTION spring_session_idle_end() SET search_path = "${flyway:defaultSchema}", pg_temp;
