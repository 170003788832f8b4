-- Every function of the schema looks for tables in the schema first and in the session's temporary schema last
-- (review r40e). Without a search_path of its own a trigger function ran with its caller's, where pg_temp comes
-- first: a TEMP table fact_version made by one injected statement on a pooled connection took the bumps of
-- bump_fact_version() (V11), so a later load left the real counter where it was and the year-to-date figures a
-- bulletin remembered by it stayed as they were; fact_key_*() (V19) would have written a TEMP register. V45 did this
-- for the audit log's writers; here every other function not yet pinned. Statement-level triggers, bar the audit
-- log's own row triggers: the SET costs once a statement, nothing a row of a load.
DO $$
DECLARE
    f regprocedure;
BEGIN
    FOR f IN
        SELECT p.oid::regprocedure
        FROM pg_proc p
        WHERE p.pronamespace = current_schema()::regnamespace
          AND NOT coalesce(array_to_string(p.proconfig, ' ') ~ 'search_path=', false)
    LOOP
        EXECUTE format('ALTER FUNCTION %s SET search_path = %I, pg_temp', f, current_schema());
    END LOOP;
END
$$;
