-- One user per name as it looks, not only in any case (V34): an administrator added Iead1 (capital I) beside lead1
-- as a leader, and on /users and on every row of the audit page the two read as one person (r40d), the very harm
-- V34 is there for. What a name looks like, for this purpose: lower case, then the letters and digits that read
-- alike in the portal's fonts and in a CSV opened in a spreadsheet taken as one, capital I, l and 1 as l, O and 0
-- as o, rn as m, vv as w. A lower-case i has its dot, and stays itself: taken for l, ruian (瑞安) and rulan (如兰)
-- were one name (review r40e). Names are ASCII letters, digits, '.', '_' and '-' (access/Users.checkName), so no other
-- alphabet's look-alike can be typed. As V34: a home that already holds two such names keeps both and gets no
-- index; the application's check (sql/access/add-user.sql) still refuses a third.
CREATE FUNCTION user_name_look(name text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp AS $$
    -- m and w written out as the rn and vv they look like, not the other way: vvv read as both vw and wv, which a
    -- left-to-right replace of vv by w made wv alone (r40f)
    SELECT translate(replace(replace(lower(translate(name, 'I', 'l')), 'm', 'rn'), 'w', 'vv'), '10', 'lo')
$$;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM app_user GROUP BY user_name_look(name) HAVING count(*) > 1) THEN
        CREATE UNIQUE INDEX app_user_name_as_it_looks ON app_user (user_name_look(name));
    END IF;
END
$$;
