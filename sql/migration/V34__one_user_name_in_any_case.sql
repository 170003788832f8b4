-- One user per name in any mix of upper and lower case, held by the database: the application's check
-- (sql/access/add-user.sql) could be beaten by two `user add`s at once, and Li.Na beside li.na read as one person in the
-- audit log and on /users (an operator; review). A home that already holds two names differing only in case keeps
-- both (two accounts, each audited under its own spelling: nothing here renames or removes a user) and gets no index;
-- the application's check still refuses a third spelling.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM app_user GROUP BY lower(name) HAVING count(*) > 1) THEN
        CREATE UNIQUE INDEX app_user_name_any_case ON app_user (lower(name));
    END IF;
END
$$;
