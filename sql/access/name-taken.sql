-- The user whose name looks like :name (V46: in any case, capital I, l and 1, O and 0, rn and m, vv and w taken as one), the
-- same name first, then the same in another case, for the message of a refused `user add`.
SELECT name FROM app_user WHERE user_name_look(name) = user_name_look(:name)
ORDER BY name = :name DESC, lower(name) = lower(:name) DESC, name LIMIT 1
