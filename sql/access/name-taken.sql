-- The user whose name is :name in any mix of upper and lower case, for the message of a refused `user add`.
SELECT name FROM app_user WHERE lower(name) = lower(:name) ORDER BY name = :name DESC, name LIMIT 1
